using System.Collections.Concurrent;
using WelfareGraph.Labels;
using WelfareGraph.Querying;

namespace WelfareGraph.Exports;

/// <summary>
/// An enum column's API codes (<c>IN_KIND</c>) mapped to the labels of <see cref="EnumLabels"/>, made once per enum and language.
/// </summary>
public static class CodeLabels
{
    private static readonly ConcurrentDictionary<(Type, Language), IReadOnlyDictionary<string, string>> Made = new();

    public static IReadOnlyDictionary<string, string> For(Type enumType, Language language) =>
        Made.GetOrAdd(
            (enumType, language),
            key =>
                Enum.GetValues(key.Item1)
                    .Cast<Enum>()
                    .ToDictionary(EnumNames.Code, v => EnumLabels.Of(v, key.Item2), StringComparer.Ordinal)
        );

    /// <summary>The label of a code, or the value itself when it is not one of the enum's codes.</summary>
    public static object? Label(IReadOnlyDictionary<string, string> labels, object? value) =>
        value is string code && labels.TryGetValue(code, out var label) ? label : value;
}
