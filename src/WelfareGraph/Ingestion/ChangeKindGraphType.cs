using GraphQL.Types;
using WelfareGraph.ChangeFeed;

namespace WelfareGraph.Ingestion;

public sealed class ChangeKindGraphType : EnumerationGraphType<ChangeKind>
{
    public ChangeKindGraphType() => Name = "ChangeKind";
}
