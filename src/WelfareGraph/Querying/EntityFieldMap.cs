using System.Collections.Concurrent;
using System.Reflection;
using GraphQL.Types;

namespace WelfareGraph.Querying;

public enum EntityFieldKind
{
    Scalar,
    Enum,
    Reference,
    Collection,
}

/// <summary>A GraphQL field of an entity type and the entity property behind it.</summary>
public sealed record EntityField(string Name, PropertyInfo Member, EntityFieldKind Kind, Type? GraphType, bool IsId)
{
    /// <summary>The property's type without Nullable&lt;&gt;; for collections, the element type.</summary>
    public Type ClrType { get; } =
        Kind == EntityFieldKind.Collection
            ? Member.PropertyType.GetGenericArguments()[0]
            : Nullable.GetUnderlyingType(Member.PropertyType) ?? Member.PropertyType;

    /// <summary>A value-type property that can be null (<c>QuantityUnit?</c>, <c>DateOnly?</c>).</summary>
    public bool IsNullable { get; } = Nullable.GetUnderlyingType(Member.PropertyType) is not null;

    /// <summary>An optional reference (a nullable foreign key), which filters and projections must null-check.</summary>
    public bool IsOptionalReference { get; init; }
}

/// <summary>
/// Reads an entity's GraphQL type to learn which of its fields are backed by which property — by name
/// (<c>amountRial</c> → <c>AmountRial</c>) or by a <see cref="MapsTo"/> mark — and of what kind. Filtering,
/// sorting and projection are all driven by this one map, so a field added to a GraphQL type is filterable,
/// sortable and projected without further code.
/// </summary>
public static class EntityFieldMap
{
    private const string MemberKey = "welfare:member";
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<EntityField>> Cache = new();
    private static readonly ConcurrentDictionary<Type, IReadOnlyDictionary<string, EntityField>> ByNameCache = new();

    /// <summary>Marks a field whose GraphQL name differs from its property (e.g. Household <c>id</c> → Pseudonym).</summary>
    public static GraphQL.Builders.FieldBuilder<TSource, TReturn> MapsTo<TSource, TReturn>(
        this GraphQL.Builders.FieldBuilder<TSource, TReturn> builder,
        string propertyName
    )
    {
        builder.FieldType.Metadata[MemberKey] = propertyName;
        return builder;
    }

    public static FieldType MapsTo(this FieldType field, string propertyName)
    {
        field.Metadata[MemberKey] = propertyName;
        return field;
    }

    public static Type ClrTypeOf(Type graphType)
    {
        for (var type = graphType; type is not null; type = type.BaseType)
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ObjectGraphType<>))
                return type.GetGenericArguments()[0];
        throw new ArgumentException($"{graphType.Name} is not an ObjectGraphType<T>.");
    }

    public static IReadOnlyList<EntityField> For(Type graphType) => Cache.GetOrAdd(graphType, Build);

    /// <summary>The same fields by GraphQL name, as filters, sorts and projections look them up on every request.</summary>
    public static IReadOnlyDictionary<string, EntityField> ByName(Type graphType) =>
        ByNameCache.GetOrAdd(graphType, type => For(type).ToDictionary(f => f.Name));

    private static IReadOnlyList<EntityField> Build(Type graphType)
    {
        var clrType = ClrTypeOf(graphType);
        var instance = (IComplexGraphType)Activator.CreateInstance(graphType)!;
        var fields = new List<EntityField>();
        foreach (var field in instance.Fields)
        {
            // Expression fields are named after the property until the schema camel-cases them.
            var name = char.ToLowerInvariant(field.Name[0]) + field.Name[1..];
            var memberName = field.GetMetadata<string?>(MemberKey) ?? char.ToUpperInvariant(field.Name[0]) + field.Name[1..];
            var property = clrType.GetProperty(memberName, BindingFlags.Public | BindingFlags.Instance);
            if (property is null)
                continue; // computed fields are neither filterable nor projected
            var graph = Unwrap(field.Type);
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var isId = graph == typeof(IdGraphType);

            EntityField? mapped = null;
            if (
                propertyType != typeof(string)
                && propertyType.IsGenericType
                && typeof(System.Collections.IEnumerable).IsAssignableFrom(propertyType)
            )
                mapped = new EntityField(name, property, EntityFieldKind.Collection, graph, false);
            else if (
                propertyType.IsClass
                && propertyType != typeof(string)
                && graph is not null
                && typeof(IObjectGraphType).IsAssignableFrom(graph)
            )
                mapped = new EntityField(name, property, EntityFieldKind.Reference, graph, false)
                {
                    IsOptionalReference =
                        clrType.GetProperty(property.Name + "Id")?.PropertyType is { } fk && Nullable.GetUnderlyingType(fk) is not null,
                };
            else if (propertyType.IsEnum)
                mapped = new EntityField(name, property, EntityFieldKind.Enum, graph, false);
            else if (ScalarKinds.IsSupported(propertyType))
                mapped = new EntityField(name, property, EntityFieldKind.Scalar, graph, isId);
            if (mapped is not null)
                fields.Add(mapped);
        }
        return fields;
    }

    private static Type? Unwrap(Type? type)
    {
        while (
            type is { IsGenericType: true }
            && (type.GetGenericTypeDefinition() == typeof(NonNullGraphType<>) || type.GetGenericTypeDefinition() == typeof(ListGraphType<>))
        )
            type = type.GetGenericArguments()[0];
        return type;
    }
}

/// <summary>The scalar CLR types filters and sorts support.</summary>
public static class ScalarKinds
{
    private static readonly HashSet<Type> Supported =
    [
        typeof(string),
        typeof(int),
        typeof(long),
        typeof(decimal),
        typeof(double),
        typeof(DateOnly),
        typeof(DateTime),
        typeof(DateTimeOffset),
        typeof(bool),
    ];

    public static bool IsSupported(Type type) => Supported.Contains(type);
}
