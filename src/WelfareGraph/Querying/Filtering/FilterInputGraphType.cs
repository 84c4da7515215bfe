using GraphQL.Types;

namespace WelfareGraph.Querying.Filtering;

/// <summary>
/// HotChocolate's <c>XFilterInput</c> for the entity behind <typeparamref name="TGraphType"/>, generated from
/// that GraphQL type's fields (<see cref="EntityFieldMap"/>): scalars and enums get operation inputs, object
/// fields nest, list fields get <c>some all none any</c>.
/// </summary>
public sealed class FilterInputGraphType<TGraphType> : InputObjectGraphType
    where TGraphType : IComplexGraphType, new()
{
    public FilterInputGraphType()
    {
        Name = new TGraphType().Name + "FilterInput";
        this.AddCombinations<FilterInputGraphType<TGraphType>>();
        foreach (var field in EntityFieldMap.For(typeof(TGraphType)))
        {
            var type = field.Kind switch
            {
                EntityFieldKind.Reference => typeof(FilterInputGraphType<>).MakeGenericType(field.GraphType!),
                EntityFieldKind.Collection => typeof(ListFilterInputGraphType<>).MakeGenericType(field.GraphType!),
                _ => OperationFilterInputs.For(field),
            };
            AddField(new FieldType { Name = field.Name, Type = type });
        }
    }
}

/// <summary>HotChocolate's <c>ListFilterInputTypeOfXFilterInput</c> for list fields.</summary>
public sealed class ListFilterInputGraphType<TGraphType> : InputObjectGraphType
    where TGraphType : IComplexGraphType, new()
{
    public ListFilterInputGraphType()
    {
        Name = $"ListFilterInputTypeOf{new TGraphType().Name}FilterInput";
        Field<FilterInputGraphType<TGraphType>>("all").Description("Every element matches.");
        Field<FilterInputGraphType<TGraphType>>("none").Description("No element matches.");
        Field<FilterInputGraphType<TGraphType>>("some").Description("At least one element matches.");
        Field<BooleanGraphType>("any").Description("true: the list has elements; false: it is empty.");
    }
}
