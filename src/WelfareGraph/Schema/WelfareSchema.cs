namespace WelfareGraph.Schema;

public sealed class WelfareSchema : GraphQL.Types.Schema
{
    public WelfareSchema(IServiceProvider services, WelfareQuery query) : base(services)
    {
        Query = query;
        RegisterTypeMapping(typeof(DateOnly), typeof(DateScalar));
    }
}
