namespace WelfareGraph.Ingestion;

/// <summary>The source system of reference data (counties, centres, charities), which no sending system owns.</summary>
public static class ReferenceSource
{
    public const string Name = "reference";
}
