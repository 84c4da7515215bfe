namespace WelfareGraph.Ingestion;

/// <summary>A province's names; the 31 codes (ISO 3166-2:IR) are fixed.</summary>
public sealed record ProvinceRecord(string Code, string NameFa, string NameEn);
