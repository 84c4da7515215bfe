using GraphQL.Types;
using WelfareGraph.Periods;

namespace WelfareGraph.Querying.Filtering;

/// <summary>HotChocolate's <c>StringOperationFilterInput</c>.</summary>
public sealed class StringOperationFilterInputGraphType : InputObjectGraphType
{
    public StringOperationFilterInputGraphType()
    {
        Name = "StringOperationFilterInput";
        Description =
            "Arabic ي/ك match Persian ی/ک, Persian and Arabic-Indic digits match ASCII digits, and a zero-width non-joiner matches a space.";
        Field<ListGraphType<NonNullGraphType<StringOperationFilterInputGraphType>>>("and");
        Field<ListGraphType<NonNullGraphType<StringOperationFilterInputGraphType>>>("or");
        foreach (var op in new[] { "eq", "neq", "contains", "ncontains", "startsWith", "nstartsWith", "endsWith", "nendsWith" })
            Field<StringGraphType>(op);
        Field<ListGraphType<StringGraphType>>("in");
        Field<ListGraphType<StringGraphType>>("nin");
    }
}

/// <summary>HotChocolate's <c>IntOperationFilterInput</c>, <c>LongOperationFilterInput</c>, <c>DateOperationFilterInput</c>, ...</summary>
public sealed class ComparableOperationFilterInputGraphType<TScalar> : InputObjectGraphType
    where TScalar : ScalarGraphType, new()
{
    public ComparableOperationFilterInputGraphType()
    {
        Name = new TScalar().Name + "OperationFilterInput";
        Field<ListGraphType<NonNullGraphType<ComparableOperationFilterInputGraphType<TScalar>>>>("and");
        Field<ListGraphType<NonNullGraphType<ComparableOperationFilterInputGraphType<TScalar>>>>("or");
        foreach (var op in new[] { "eq", "neq", "gt", "ngt", "gte", "ngte", "lt", "nlt", "lte", "nlte" })
            Field<TScalar>(op);
        Field<ListGraphType<TScalar>>("in");
        Field<ListGraphType<TScalar>>("nin");
    }
}

/// <summary>HotChocolate's <c>BooleanOperationFilterInput</c>, <c>IdOperationFilterInput</c> and <c>{Enum}OperationFilterInput</c>: equality only.</summary>
public sealed class EqualityOperationFilterInputGraphType<TGraphType> : InputObjectGraphType
    where TGraphType : IGraphType, new()
{
    public EqualityOperationFilterInputGraphType()
    {
        var name = new TGraphType().Name;
        Name = (name == "ID" ? "Id" : name) + "OperationFilterInput";
        Field<ListGraphType<NonNullGraphType<EqualityOperationFilterInputGraphType<TGraphType>>>>("and");
        Field<ListGraphType<NonNullGraphType<EqualityOperationFilterInputGraphType<TGraphType>>>>("or");
        Field<TGraphType>("eq");
        Field<TGraphType>("neq");
        if (name != "Boolean")
        {
            Field<ListGraphType<NonNullGraphType<TGraphType>>>("in");
            Field<ListGraphType<NonNullGraphType<TGraphType>>>("nin");
        }
    }
}

internal static class OperationFilterInputs
{
    /// <summary>The operation input type for a mapped scalar or enum field.</summary>
    public static Type For(EntityField field) =>
        field switch
        {
            { Kind: EntityFieldKind.Enum } => typeof(EqualityOperationFilterInputGraphType<>).MakeGenericType(field.GraphType!),
            { IsId: true } => typeof(EqualityOperationFilterInputGraphType<IdGraphType>),
            _ when field.ClrType == typeof(string) => typeof(StringOperationFilterInputGraphType),
            _ when field.ClrType == typeof(bool) => typeof(EqualityOperationFilterInputGraphType<BooleanGraphType>),
            _ when field.ClrType == typeof(int) => typeof(ComparableOperationFilterInputGraphType<IntGraphType>),
            _ when field.ClrType == typeof(long) => typeof(ComparableOperationFilterInputGraphType<LongGraphType>),
            _ when field.ClrType == typeof(decimal) => typeof(ComparableOperationFilterInputGraphType<DecimalGraphType>),
            _ when field.ClrType == typeof(double) => typeof(ComparableOperationFilterInputGraphType<FloatGraphType>),
            _ when field.ClrType == typeof(DateOnly) => typeof(ComparableOperationFilterInputGraphType<DateScalar>),
            _ => typeof(ComparableOperationFilterInputGraphType<DateTimeGraphType>),
        };
}
