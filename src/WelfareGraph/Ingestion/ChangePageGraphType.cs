using GraphQL.Types;
using WelfareGraph.Querying;

namespace WelfareGraph.Ingestion;

public sealed record ChangePage<T>(IReadOnlyList<Change<T>> Nodes, bool HasNextPage, string? EndCursor);

public sealed class ChangePageGraphType<T, TGraphType> : ObjectGraphType<ChangePage<T>>
    where TGraphType : IGraphType
{
    public ChangePageGraphType()
    {
        Name = ConnectionGraphType<T, TGraphType>.NodeName<TGraphType>() + "ChangePage";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ChangeGraphType<T, TGraphType>>>>>("nodes").Resolve(ctx => ctx.Source.Nodes);
        Field(p => p.HasNextPage);
        Field(p => p.EndCursor, nullable: true).Description("Pass as `after` to continue; null when the page is empty (keep your cursor).");
    }
}
