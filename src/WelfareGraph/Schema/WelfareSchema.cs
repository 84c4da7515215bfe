using WelfareGraph.Periods;

namespace WelfareGraph.Schema;

public sealed class WelfareSchema : GraphQL.Types.Schema
{
    public WelfareSchema(IServiceProvider services, WelfareQuery query, WelfareMutation mutation)
        : base(services)
    {
        Query = query;
        Mutation = mutation;
        RegisterTypeMapping(typeof(DateOnly), typeof(DateScalar));
    }
}
