using GraphQL.Types;

namespace WelfareGraph.Querying.Sorting;

public enum SortDirection
{
    Asc,
    Desc,
}

/// <summary>HotChocolate's <c>SortEnumType { ASC DESC }</c>.</summary>
public sealed class SortEnumGraphType : EnumerationGraphType<SortDirection>
{
    public SortEnumGraphType() => Name = "SortEnumType";
}

/// <summary>HotChocolate's <c>XSortInput</c>: every scalar and enum field sorts, object fields nest.</summary>
public sealed class SortInputGraphType<TGraphType> : InputObjectGraphType
    where TGraphType : IComplexGraphType, new()
{
    public SortInputGraphType()
    {
        Name = new TGraphType().Name + "SortInput";
        foreach (var field in EntityFieldMap.For(typeof(TGraphType)))
        {
            var type = field.Kind switch
            {
                EntityFieldKind.Reference => typeof(SortInputGraphType<>).MakeGenericType(field.GraphType!),
                EntityFieldKind.Collection => null,
                _ => typeof(SortEnumGraphType),
            };
            if (type is not null)
                AddField(new FieldType { Name = field.Name, Type = type });
        }
    }
}
