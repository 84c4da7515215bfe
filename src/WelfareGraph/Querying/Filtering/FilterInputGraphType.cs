using GraphQL.Types;

namespace WelfareGraph.Querying.Filtering;

/// <summary>
/// HotChocolate's <c>XFilterInput</c> for the entity behind <typeparamref name="TGraphType"/>, generated
/// from that GraphQL type's fields. (Work in progress: issue 3.)
/// </summary>
public sealed class FilterInputGraphType<TGraphType> : InputObjectGraphType
    where TGraphType : IComplexGraphType, new()
{
    public FilterInputGraphType()
    {
        Name = new TGraphType().Name + "FilterInput";
        Field<ListGraphType<NonNullGraphType<FilterInputGraphType<TGraphType>>>>("and");
        Field<ListGraphType<NonNullGraphType<FilterInputGraphType<TGraphType>>>>("or");
    }
}
