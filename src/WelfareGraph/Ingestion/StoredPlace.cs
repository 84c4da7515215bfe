namespace WelfareGraph.Ingestion;

/// <summary>Where a stored record lives: its key and its county, for the check that a batch stays in the caller's scope.</summary>
public sealed record StoredPlace(string Key, int CountyId);
