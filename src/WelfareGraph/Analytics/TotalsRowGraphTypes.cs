using GraphQL.Types;

namespace WelfareGraph.Analytics;

/// <summary>The <c>total</c> of one kind of totals: the whole filtered set, with that kind's measures.</summary>
public abstract class TotalGraphType<TSource> : ObjectGraphType<TSource>
{
    protected TotalGraphType(string name, Action<ObjectGraphType<TSource>> addMeasures)
    {
        Name = name;
        addMeasures(this);
    }
}

/// <summary>One of the <c>groups</c> of one kind of totals: its key (read from the same row), then that kind's measures.</summary>
public abstract class GroupGraphType<TSource, TKeyGraphType> : ObjectGraphType<TSource>
    where TKeyGraphType : IGraphType
{
    protected GroupGraphType(string name, Action<ObjectGraphType<TSource>> addMeasures)
    {
        Name = name;
        Field<NonNullGraphType<TKeyGraphType>>("key").Resolve(ctx => ctx.Source);
        addMeasures(this);
    }
}
