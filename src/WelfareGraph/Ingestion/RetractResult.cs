using GraphQL;
using GraphQL.Types;

namespace WelfareGraph.Ingestion;

/// <summary>What a retraction did: rows newly retracted, rows that already were, and ids it did not find.</summary>
public sealed record RetractResult(
    int Retracted,
    int AlreadyRetracted,
    [property: OutputType(typeof(NonNullGraphType<ListGraphType<NonNullGraphType<ResultGraphType<IngestionError>>>>))]
        IReadOnlyList<IngestionError> Errors
);
