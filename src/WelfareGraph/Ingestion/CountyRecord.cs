namespace WelfareGraph.Ingestion;

/// <summary>A county with its all-households count, so provinces beyond the demo can be loaded.</summary>
public sealed record CountyRecord(string Code, string NameFa, string NameEn, string ProvinceCode, int TotalHouseholds);
