using GraphQL.Types;
using WelfareGraph.Ingestion;

namespace WelfareGraph.Schema;

public sealed class WelfareMutation : ObjectGraphType
{
    public WelfareMutation()
    {
        Name = "Mutation";
        this.AddIngestionMutations();
    }
}
