using GraphQL;

namespace WelfareGraph.Exports;

/// <summary>Enum values as the GraphQL API writes them (<c>IN_KIND</c>), so exports and queries name things alike.</summary>
public static class EnumNames<T> where T : struct, Enum
{
    private static readonly Dictionary<T, string> Names = Enum.GetValues<T>().ToDictionary(v => v, v => v.ToString().ToConstantCase());

    public static string Of(T value) => Names[value];

    public static string? Of(T? value) => value is { } v ? Names[v] : null;

    public static IEnumerable<(T Value, string Name)> All => Names.Select(p => (p.Key, p.Value));
}
