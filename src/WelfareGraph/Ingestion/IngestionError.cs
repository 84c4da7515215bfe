namespace WelfareGraph.Ingestion;

/// <summary>Why one item of a batch was refused: stable codes (<see cref="IngestionCodes"/>), listed in the README.</summary>
public sealed record IngestionError(int Index, string? ExternalId, string? Field, string Code, string Message);
