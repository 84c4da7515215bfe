using System.ComponentModel;
using GraphQL;

namespace WelfareGraph.Ingestion;

/// <summary>
/// A county with its all-households count, so provinces beyond the demo can be loaded; its properties are the fields
/// of <c>CountyInput</c>.
/// </summary>
[Name("CountyInput")]
public sealed record CountyRecord(
    [property: Description("Province code and county number, e.g. IR-23-04.")] string Code,
    string NameFa,
    string NameEn,
    string ProvinceCode,
    [property: Description("All households in the county, for coverage rates.")] int TotalHouseholds
);
