namespace WelfareGraph.Ingestion;

/// <summary>
/// One batch of records of one kind from one sending system. <see cref="Atomic"/>: all or nothing, or write the
/// valid items and report the rest; <see cref="DryRun"/>: validate and count, write nothing.
/// </summary>
public sealed record UpsertBatch<TRecord>(string SourceSystem, IReadOnlyList<TRecord> Records, bool Atomic = true, bool DryRun = false);
