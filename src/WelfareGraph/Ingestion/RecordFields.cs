using WelfareGraph.Periods;
using WelfareGraph.Querying;

namespace WelfareGraph.Ingestion;

/// <summary>
/// Text fields of incoming records as every kind of record reads them: Persian digits and Arabic ي/ك folded,
/// blanks trimmed (a field of spaces is missing), dates in either calendar, enum values as GraphQL or C# writes them.
/// Each parser reports through <c>error(field, code, message)</c> and returns null for a missing or bad value.
/// </summary>
internal static class RecordFields
{
    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : PersianText.Fold(text).Trim();

    public static DateOnly? ParseDate(string? text, string field, bool required, Action<string, string, string> error)
    {
        if (Clean(text) is not { } value)
        {
            if (required)
                error(field, IngestionCodes.Required, $"{field} is required.");
            return null;
        }
        try
        {
            return SolarDateParser.ParseAnyCalendar(value);
        }
        catch (SolarDateException e)
        {
            error(field, IngestionCodes.InvalidDate, e.Message);
            return null;
        }
    }

    /// <summary>
    /// A typed value as it is; text as <see cref="ParseEnum{T}(string?, string, bool, Action{string, string, string})"/> reads it.
    /// </summary>
    public static T? ParseEnum<T>(SentValue<T> sent, string field, bool required, Action<string, string, string> error)
        where T : struct, Enum => sent.Value ?? ParseEnum<T>(sent.Text, field, required, error);

    /// <summary>Enum values as GraphQL writes them (IN_KIND) or as C# does (InKind), any case.</summary>
    public static T? ParseEnum<T>(string? text, string field, bool required, Action<string, string, string> error)
        where T : struct, Enum
    {
        var value = Clean(text);
        if (value is null)
        {
            if (required)
                error(field, IngestionCodes.Required, $"{field} is required.");
            return null;
        }
        if (
            Enum.TryParse<T>(value.Replace("_", ""), ignoreCase: true, out var parsed)
            && Enum.IsDefined(parsed)
            && !value.All(char.IsDigit)
        )
            return parsed;
        error(field, IngestionCodes.InvalidEnum, $"'{text}' is not a {field}; expected one of {string.Join(", ", EnumNames<T>.All)}.");
        return null;
    }
}
