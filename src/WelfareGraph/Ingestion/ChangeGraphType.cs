using GraphQL.Types;
using WelfareGraph.ChangeFeed;
using WelfareGraph.Querying;

namespace WelfareGraph.Ingestion;

/// <summary>One change from the feed, with the record as it is now.</summary>
public sealed record Change<T>(FeedEntry Entry, T? Record);

public sealed class ChangeGraphType<T, TGraphType> : ObjectGraphType<Change<T>>
    where TGraphType : IGraphType
{
    public ChangeGraphType()
    {
        var node = ConnectionGraphType<T, TGraphType>.NodeName<TGraphType>();
        Name = node + "Change";
        Field<NonNullGraphType<LongGraphType>>("sequence")
            .Description("Position in commit order; pass the last one seen as `after`.")
            .Resolve(ctx => ctx.Source.Entry.Sequence);
        Field<NonNullGraphType<ChangeKindGraphType>>("kind").Resolve(ctx => ctx.Source.Entry.Kind);
        Field<NonNullGraphType<DateTimeGraphType>>("committedAt").Resolve(ctx => ctx.Source.Entry.CommittedAt);
        Field<NonNullGraphType<StringGraphType>>("sourceSystem").Resolve(ctx => ctx.Source.Entry.SourceSystem);
        Field<NonNullGraphType<StringGraphType>>("key")
            .Description("externalId for contributions, the pseudonym for households, the code for centres.")
            .Resolve(ctx => ctx.Source.Entry.Key);
        Field<TGraphType>(char.ToLowerInvariant(node[0]) + node[1..])
            .Description("The record as it is now (retracted ones included).")
            .Resolve(ctx => ctx.Source.Record);
    }
}
