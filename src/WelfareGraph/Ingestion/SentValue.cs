namespace WelfareGraph.Ingestion;

/// <summary>
/// A field as a sender gave it: already typed (the GraphQL API parses enums and numbers) or as text still to be
/// read (CSV and JSON files). Typed input stays typed; only text is parsed, once, in validation.
/// </summary>
public readonly record struct SentValue<T>(T? Value, string? Text)
    where T : struct
{
    public static implicit operator SentValue<T>(T value) => new(value, null);

    public static implicit operator SentValue<T>(T? value) => new(value, null);

    public static implicit operator SentValue<T>(string? text) => new(null, text);

    public bool IsMissing => Value is null && RecordFields.Clean(Text) is null;

    public override string ToString() => Value?.ToString() ?? Text ?? "";
}
