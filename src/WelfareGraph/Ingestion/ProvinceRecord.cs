using GraphQL;

namespace WelfareGraph.Ingestion;

/// <summary>A province's names; the 31 codes (ISO 3166-2:IR) are fixed. Its properties are the fields of <c>ProvinceInput</c>.</summary>
[Name("ProvinceInput")]
public sealed record ProvinceRecord(string Code, string NameFa, string NameEn);
