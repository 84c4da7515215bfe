namespace WelfareGraph.Ingestion;

/// <summary>A licensed charity, keyed by code.</summary>
public sealed record CharityRecord(string Code, string Name, string? NameEn, string CountyCode, string LicenceNo);
