using GraphQL.Types;
using WelfareGraph.Ingestion;

namespace WelfareGraph.Schema;

/// <summary>The mutation type, composed here and only here: every mutation today is ingestion's.</summary>
public sealed class WelfareMutation : ObjectGraphType
{
    public WelfareMutation()
    {
        Name = "Mutation";
        this.AddIngestionMutations(); // Ingestion: upserts, retractions, closed periods, publishing
    }
}
