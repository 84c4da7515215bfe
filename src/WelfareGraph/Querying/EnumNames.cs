using GraphQL;

namespace WelfareGraph.Querying;

/// <summary>
/// An enum value as the GraphQL API writes it (<c>InKind</c> → <c>IN_KIND</c>): exports, feeds and messages name things alike.
/// </summary>
public static class EnumNames
{
    public static string Code(Enum value) => value.ToString().ToConstantCase();
}

/// <summary>The API names of one enum type's values, worked out once.</summary>
public static class EnumNames<T>
    where T : struct, Enum
{
    private static readonly Dictionary<T, string> Names = Enum.GetValues<T>().ToDictionary(v => v, v => EnumNames.Code(v));

    public static string Of(T value) => Names[value];

    public static string? Of(T? value) => value is { } v ? Names[v] : null;

    public static IEnumerable<string> All => Names.Values;
}
