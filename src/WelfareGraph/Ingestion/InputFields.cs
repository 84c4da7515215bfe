namespace WelfareGraph.Ingestion;

/// <summary>Fields of a parsed GraphQL input object, in the CLR types their graph types give — never through text.</summary>
internal static class InputFields
{
    /// <summary>An enum or number field as its graph type parsed it; null when absent.</summary>
    internal static T? Typed<T>(IDictionary<string, object?> item, string key)
        where T : struct => item.TryGetValue(key, out var value) && value is T typed ? typed : null;

    internal static string? Text(IDictionary<string, object?> item, string key) =>
        item.TryGetValue(key, out var value) ? value as string : null;
}
