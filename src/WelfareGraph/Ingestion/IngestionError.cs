namespace WelfareGraph.Ingestion;

/// <summary>Why one item of a batch was refused: stable codes, listed in the README.</summary>
public sealed record IngestionError(int Index, string? ExternalId, string? Field, string Code, string Message);

public static class IngestionCodes
{
    public const string InvalidDate = "INVALID_DATE";
    public const string UnknownCounty = "UNKNOWN_COUNTY";
    public const string UnknownProvince = "UNKNOWN_PROVINCE";
    public const string UnknownCenter = "UNKNOWN_CENTER";
    public const string UnknownCharity = "UNKNOWN_CHARITY";
    public const string OutOfScope = "OUT_OF_SCOPE";
    public const string NonPositiveAmount = "NON_POSITIVE_AMOUNT";
    public const string InvalidEnum = "INVALID_ENUM";
    public const string InvalidValue = "INVALID_VALUE";
    public const string Required = "REQUIRED";
    public const string DuplicateExternalId = "DUPLICATE_EXTERNAL_ID";
    public const string BatchTooLarge = "BATCH_TOO_LARGE";
    public const string PeriodClosed = "PERIOD_CLOSED";
    public const string UnknownExternalId = "UNKNOWN_EXTERNAL_ID";
}

/// <summary>What a batch did: counts, and the items it refused.</summary>
public sealed record UpsertResult(int Inserted, int Updated, int Unchanged, IReadOnlyList<IngestionError> Errors, bool DryRun)
{
    /// <summary>Something was stored: a row inserted or changed, not in a dry run.</summary>
    public bool Written => !DryRun && Inserted + Updated > 0;

    public static UpsertResult Refused(IReadOnlyList<IngestionError> errors, bool dryRun) => new(0, 0, 0, errors, dryRun);

    /// <summary>The refusal of a whole fact batch before anything is read: too many items, or no usable source system.</summary>
    public static UpsertResult? RefusedBatch(int count, int maxBatchSize, string sourceSystem, bool dryRun) =>
        count > maxBatchSize
            ? Refused([new IngestionError(-1, null, "items", IngestionCodes.BatchTooLarge, $"A batch holds at most {maxBatchSize} items; this one has {count}. Split it.")], dryRun)
        : string.IsNullOrWhiteSpace(sourceSystem) || sourceSystem.Length > 40
            ? Refused([new IngestionError(-1, null, "sourceSystem", IngestionCodes.InvalidValue, "sourceSystem is required (at most 40 characters).")], dryRun)
        : null;
}
