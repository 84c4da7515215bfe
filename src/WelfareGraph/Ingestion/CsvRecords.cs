using System.Text;

namespace WelfareGraph.Ingestion;

/// <summary>
/// Reads RFC 4180 CSV as a stream of records (quoted fields with commas, line breaks and doubled quotes;
/// CRLF or LF), so an import of millions of rows holds one row at a time. The BOM is the reader's business.
/// </summary>
public static class CsvRecords
{
    private enum State
    {
        FieldStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
    }

    public static async IAsyncEnumerable<string[]> ReadAsync(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var state = State.FieldStart;
        var skipLineFeed = false;
        var buffer = new char[64 * 1024];
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                var c = buffer[i];
                if (skipLineFeed && c == '\n')
                {
                    skipLineFeed = false;
                    continue;
                }
                skipLineFeed = false;
                var newline = c is '\n' or '\r';
                switch (state)
                {
                    case State.Quoted:
                        if (c == '"')
                            state = State.QuoteInQuoted;
                        else
                            field.Append(c);
                        continue;
                    case State.QuoteInQuoted when c == '"':
                        field.Append('"');
                        state = State.Quoted;
                        continue;
                    case State.FieldStart when c == '"':
                        state = State.Quoted;
                        continue;
                }
                if (c == ',')
                {
                    fields.Add(field.ToString());
                    field.Clear();
                    state = State.FieldStart;
                }
                else if (newline)
                {
                    skipLineFeed = c == '\r';
                    fields.Add(field.ToString());
                    field.Clear();
                    state = State.FieldStart;
                    if (fields is not [""])
                        yield return fields.ToArray(); // blank lines are not records
                    fields.Clear();
                }
                else
                {
                    field.Append(c);
                    state = State.Unquoted;
                }
            }
        }
        if (fields.Count > 0 || field.Length > 0 || state is State.Quoted or State.QuoteInQuoted)
        {
            fields.Add(field.ToString());
            yield return fields.ToArray();
        }
    }

    /// <summary>A field for writing: quoted when it holds a comma, quote or line break.</summary>
    public static string Escape(string? value) =>
        value is null ? ""
        : value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\""
        : value;
}
