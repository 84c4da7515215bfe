using System.ComponentModel;

namespace WelfareGraph.Ingestion;

/// <summary>Why one item of a batch was refused: stable codes (<see cref="IngestionCodes"/>), listed in the README.</summary>
public sealed record IngestionError(
    [property: Description("Position of the item in the batch; -1 for the batch as a whole.")] int Index,
    string? ExternalId,
    string? Field,
    [property: Description("A stable code: INVALID_DATE, UNKNOWN_COUNTY, OUT_OF_SCOPE, NON_POSITIVE_AMOUNT, ...")] string Code,
    string Message
);
