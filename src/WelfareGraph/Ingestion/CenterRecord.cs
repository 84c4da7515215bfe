using GraphQL;
using WelfareGraph.Centers;

namespace WelfareGraph.Ingestion;

/// <summary>A care centre, keyed by code; its properties are the fields of <c>CenterInput</c>.</summary>
[Name("CenterInput")]
public sealed record CenterRecord(
    string Code,
    string Name,
    string? NameEn,
    string CountyCode,
    CenterKind Kind,
    CenterOwnership Ownership,
    int Capacity,
    int Residents
);
