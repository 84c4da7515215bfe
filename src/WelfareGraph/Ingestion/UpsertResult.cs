using System.ComponentModel;
using GraphQL;
using GraphQL.Types;

namespace WelfareGraph.Ingestion;

/// <summary>What a batch did: counts, and the items it refused.</summary>
public sealed record UpsertResult(
    int Inserted,
    int Updated,
    [property: Description("Items that matched their stored record exactly (a resend).")] int Unchanged,
    [property: OutputType(typeof(NonNullGraphType<ListGraphType<NonNullGraphType<ResultGraphType<IngestionError>>>>))]
        IReadOnlyList<IngestionError> Errors,
    bool DryRun
)
{
    /// <summary>Something was stored: a row inserted or changed, not in a dry run.</summary>
    [Description("Whether anything was written.")]
    public bool Written => !DryRun && Inserted + Updated > 0;

    public static UpsertResult Refused(IReadOnlyList<IngestionError> errors, bool dryRun) => new(0, 0, 0, errors, dryRun);

    /// <summary>The refusal of a whole batch before anything is read: too many items, or no usable source system.</summary>
    public static UpsertResult? RefusedBatch(int count, int maxBatchSize, string sourceSystem, bool dryRun) =>
        count > maxBatchSize
            ? Refused(
                [
                    new IngestionError(
                        -1,
                        null,
                        "items",
                        IngestionCodes.BatchTooLarge,
                        $"A batch holds at most {maxBatchSize} items; this one has {count}. Split it."
                    ),
                ],
                dryRun
            )
        : string.IsNullOrWhiteSpace(sourceSystem) || sourceSystem.Length > 40
            ? Refused(
                [
                    new IngestionError(
                        -1,
                        null,
                        "sourceSystem",
                        IngestionCodes.InvalidValue,
                        "sourceSystem is required (at most 40 characters)."
                    ),
                ],
                dryRun
            )
        : null;
}
