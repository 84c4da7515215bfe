using System.Runtime.CompilerServices;
using WelfareGraph.Exports.Formats;
using WelfareGraph.Labels;
using WelfareGraph.Periods;

namespace WelfareGraph.Exports;

/// <summary>The types a column can have in every format: each writer maps them to its own typed cells.</summary>
public enum ColumnKind
{
    Text,

    /// <summary>A 64-bit integer (ids, counts, rial).</summary>
    Integer,
    Decimal,

    /// <summary>A double (ratios such as share and coverage rate).</summary>
    Float,
    Boolean,

    /// <summary>A Gregorian calendar day (<see cref="DateOnly"/>).</summary>
    Date,
}

/// <summary>
/// A column: its machine name (a GraphQL path such as <c>county.nameFa</c>), its headers, its type, the enum
/// whose API codes it holds (<paramref name="Codes"/>, so its values can be labelled) and how a spreadsheet
/// shows its numbers. A pivot's value columns are copies of their measure (<c>with</c>), so they keep its format.
/// </summary>
public sealed record ExportColumn(string Name, ColumnKind Kind, string? HeaderFa = null, Type? Codes = null)
{
    /// <summary>The spreadsheet number format (Excel's codes), or null for text.</summary>
    public string? NumberFormat { get; init; } = NumberFormats.Of(Name, Kind);

    public string Header(Language language) => language == Language.Fa ? HeaderFa ?? ColumnHeaders.Fa(Name) : Name;
}

/// <summary>
/// What every export writes: typed columns and rows of boxed values in those types (<c>long</c>, <c>decimal</c>,
/// <c>double</c>, <c>bool</c>, <see cref="DateOnly"/>, <c>string</c>, or null). Rows are a stream, so a table of
/// database rows is never held in memory.
/// </summary>
public sealed class ExportTable(IReadOnlyList<ExportColumn> columns, IAsyncEnumerable<object?[]> rows)
{
    public IReadOnlyList<ExportColumn> Columns { get; } = columns;
    public IAsyncEnumerable<object?[]> Rows { get; } = rows;

    public static ExportTable FromRows(IReadOnlyList<ExportColumn> columns, IEnumerable<object?[]> rows) =>
        new(columns, rows.ToAsyncEnumerable());

    /// <summary>
    /// Replaces the API codes of enum columns by their labels (<see cref="EnumLabels"/>) in one language, row by
    /// row as they stream; the columns stay text, and lose their enum so nothing labels them twice.
    /// </summary>
    public ExportTable WithLabels(Language language)
    {
        var labelled = Columns.Select(c => c.Codes is { } type ? CodeLabels.For(type, language) : null).ToArray();
        if (labelled.All(l => l is null))
            return this;
        return new ExportTable(
            Columns.Select(c => c with { Codes = null }).ToList(),
            Rows.Select(row =>
            {
                var copy = (object?[])row.Clone();
                for (var i = 0; i < copy.Length; i++)
                    if (labelled[i] is { } labels)
                        copy[i] = CodeLabels.Label(labels, copy[i]);
                return copy;
            })
        );
    }

    /// <summary>
    /// Adds a Solar Hijri column (<c>1404-07-15</c>) beside every date column: Iranian readers date things in
    /// the Solar Hijri calendar, spreadsheets and Power BI compute with Gregorian dates; exports carry both.
    /// A Persian reader reads the Solar Hijri date first, so with <c>fa</c> it comes before the Gregorian one.
    /// </summary>
    public ExportTable WithSolarDates(Language language = Language.En)
    {
        var dates = Columns.Select((c, i) => (c, i)).Where(x => x.c.Kind == ColumnKind.Date).Select(x => x.i).ToArray();
        if (dates.Length == 0)
            return this;
        var solarFirst = language == Language.Fa;
        var columns = new List<ExportColumn>();
        foreach (var column in Columns)
        {
            if (column.Kind != ColumnKind.Date)
            {
                columns.Add(column);
                continue;
            }
            var solar = new ExportColumn(column.Name + "Solar", ColumnKind.Text, column.Header(Language.Fa) + " (شمسی)");
            columns.AddRange(solarFirst ? [solar, column] : [column, solar]);
        }
        return new ExportTable(columns, AddSolar(Rows, Columns.Count, dates, solarFirst));
    }

    private static async IAsyncEnumerable<object?[]> AddSolar(
        IAsyncEnumerable<object?[]> rows,
        int width,
        int[] dates,
        bool solarFirst,
        [EnumeratorCancellation] CancellationToken cancellationToken = default
    )
    {
        // A few hundred distinct days cover millions of rows: convert each once.
        var solar = new Dictionary<DateOnly, string>();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            var wider = new object?[width + dates.Length];
            int from = 0,
                to = 0;
            foreach (var date in dates)
            {
                // Copy up to the date column, then the two dates in reading order.
                Array.Copy(row, from, wider, to, date - from);
                to += date - from;
                from = date + 1;
                var solarText = row[date] is DateOnly day ? SolarText(solar, day) : null;
                wider[to++] = solarFirst ? solarText : row[date];
                wider[to++] = solarFirst ? row[date] : solarText;
            }
            Array.Copy(row, from, wider, to, width - from);
            yield return wider;
        }
    }

    private static string SolarText(Dictionary<DateOnly, string> cache, DateOnly day)
    {
        if (!cache.TryGetValue(day, out var text))
            cache[day] = text = SolarCalendar.FromGregorian(day).ToString();
        return text;
    }
}
