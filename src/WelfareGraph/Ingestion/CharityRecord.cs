using GraphQL;

namespace WelfareGraph.Ingestion;

/// <summary>A licensed charity, keyed by code; its properties are the fields of <c>CharityInput</c>.</summary>
[Name("CharityInput")]
public sealed record CharityRecord(string Code, string Name, string? NameEn, string CountyCode, string LicenceNo);
