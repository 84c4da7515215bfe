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
            "Arabic ي/ك match Persian ی/ک, Persian and Arabic-Indic digits match ASCII digits, "
            + "and a zero-width non-joiner matches a space.";
        this.AddCombinations<StringOperationFilterInputGraphType>();
        foreach (var op in new[] { "eq", "neq", "contains", "ncontains", "startsWith", "nstartsWith", "endsWith", "nendsWith" })
            Field<StringGraphType>(op);
        this.AddMembership<StringGraphType>();
    }
}

/// <summary>
/// HotChocolate's <c>IntOperationFilterInput</c>, <c>LongOperationFilterInput</c>, <c>LocalDateOperationFilterInput</c>, ...
/// </summary>
public sealed class ComparableOperationFilterInputGraphType<TScalar> : InputObjectGraphType
    where TScalar : ScalarGraphType, new()
{
    public ComparableOperationFilterInputGraphType()
    {
        Name = new TScalar().Name + "OperationFilterInput";
        this.AddCombinations<ComparableOperationFilterInputGraphType<TScalar>>();
        foreach (var op in new[] { "eq", "neq", "gt", "ngt", "gte", "ngte", "lt", "nlt", "lte", "nlte" })
            Field<TScalar>(op);
        this.AddMembership<TScalar>();
    }
}

/// <summary>
/// HotChocolate's equality-only inputs: <c>BooleanOperationFilterInput</c> (<c>eq neq</c>), <c>IdOperationFilterInput</c>
/// (<c>in</c>/<c>nin</c> take <c>[ID]</c>, null items allowed, as HotChocolate declares them) and, for an enum field that
/// cannot be null, <c>{Enum}OperationFilterInput</c> (<c>in</c>/<c>nin</c> take <c>[Enum!]</c>).
/// </summary>
public sealed class EqualityOperationFilterInputGraphType<TGraphType> : InputObjectGraphType
    where TGraphType : IGraphType, new()
{
    public EqualityOperationFilterInputGraphType()
    {
        var name = new TGraphType().Name;
        Name = (name == "ID" ? "Id" : name) + "OperationFilterInput";
        this.AddCombinations<EqualityOperationFilterInputGraphType<TGraphType>>();
        Field<TGraphType>("eq");
        Field<TGraphType>("neq");
        if (name == "ID")
            this.AddMembership<TGraphType>();
        else if (name != "Boolean")
            this.AddMembership<NonNullGraphType<TGraphType>>();
    }
}

/// <summary>
/// HotChocolate's <c>NullableOf{Enum}OperationFilterInput</c>, for an enum field that can be null: its lists take
/// null items (<c>in: [HOUR, null]</c>), a null item meaning the field is null.
/// </summary>
public sealed class NullableEnumOperationFilterInputGraphType<TEnumGraphType> : InputObjectGraphType
    where TEnumGraphType : EnumerationGraphType, new()
{
    public NullableEnumOperationFilterInputGraphType()
    {
        Name = "NullableOf" + new TEnumGraphType().Name + "OperationFilterInput";
        this.AddCombinations<NullableEnumOperationFilterInputGraphType<TEnumGraphType>>();
        Field<TEnumGraphType>("eq");
        Field<TEnumGraphType>("neq");
        this.AddMembership<TEnumGraphType>();
    }
}

internal static class OperationFilterInputs
{
    /// <summary>
    /// The operation input type for a mapped scalar or enum field. An enum property that can be null gets the
    /// <c>NullableOf</c> input, as HotChocolate gives it, read from the property's type: no field is listed by hand.
    /// </summary>
    public static Type For(EntityField field) =>
        field switch
        {
            { Kind: EntityFieldKind.Enum, IsNullable: true } => typeof(NullableEnumOperationFilterInputGraphType<>).MakeGenericType(
                field.GraphType!
            ),
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
