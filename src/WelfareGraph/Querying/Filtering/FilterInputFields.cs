using GraphQL.Types;

namespace WelfareGraph.Querying.Filtering;

/// <summary>The fields HotChocolate gives many filter inputs alike.</summary>
internal static class FilterInputFields
{
    /// <summary><c>and</c> and <c>or</c>: lists of the input itself, all or any of whose items must match.</summary>
    public static void AddCombinations<TSelf>(this InputObjectGraphType input)
        where TSelf : IInputObjectGraphType
    {
        input.Field<ListGraphType<NonNullGraphType<TSelf>>>("and");
        input.Field<ListGraphType<NonNullGraphType<TSelf>>>("or");
    }

    /// <summary><c>in</c> and <c>nin</c>: lists of <typeparamref name="TItem"/> the value is, or is not, one of.</summary>
    public static void AddMembership<TItem>(this InputObjectGraphType input)
        where TItem : IGraphType
    {
        input.Field<ListGraphType<TItem>>("in");
        input.Field<ListGraphType<TItem>>("nin");
    }
}
