using System.Text.Json;
using System.Text.RegularExpressions;

namespace WelfareGraph.Requests;

/// <summary>
/// Says why a request's JSON could not be read, in the client's terms. System.Text.Json's messages name the .NET type
/// it failed to convert to (<c>System.String</c>, <c>GraphQL.Inputs</c>) and its reader's bookkeeping
/// (<c>LineNumber: 0 | BytePositionInLine: 12</c>): the server's internals, of no use to a client and not its business.
/// A client needs what was wrong and where in its own JSON.
/// </summary>
public static partial class UnreadableRequest
{
    /// <summary>The reason, then where: "a value of the wrong JSON type at $.variables (line 1, column 31)".</summary>
    public static string Describe(Exception e)
    {
        var message = e.Message;
        foreach (var bookkeeping in (string[])[" Path: ", " LineNumber: "])
        {
            var cut = message.IndexOf(bookkeeping, StringComparison.Ordinal);
            if (cut >= 0)
                message = message[..cut];
        }
        message = message.Contains("could not be converted to", StringComparison.Ordinal)
            ? "a value of the wrong JSON type"
            : ClrTypeName().Replace(message, "the expected value").TrimEnd('.');
        return e is JsonException { Path: { Length: > 0 } path } json
            ? $"{message} at {path}{Position(json)}"
            : message + Position(e as JsonException);
    }

    // The reader counts lines and bytes from zero; people count from one.
    private static string Position(JsonException? json) =>
        json is { LineNumber: { } line, BytePositionInLine: { } column } ? $" (line {line + 1}, column {column + 1})" : "";

    [GeneratedRegex(@"\b(System|GraphQL|Microsoft|WelfareGraph)(\.[A-Za-z0-9_`]+)+(\[[^\]]*\])?")]
    private static partial Regex ClrTypeName();
}
