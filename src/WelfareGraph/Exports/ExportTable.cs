using System.Runtime.CompilerServices;
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

/// <summary>A column: its machine name (a GraphQL path such as <c>county.nameFa</c>), its headers and its type.</summary>
public sealed record ExportColumn(string Name, ColumnKind Kind, string? HeaderFa = null)
{
    public string Header(ExportLanguage language) => language == ExportLanguage.Fa ? HeaderFa ?? ColumnHeaders.Fa(Name) : Name;
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
    /// Adds a Solar Hijri column (<c>1404-07-15</c>) after every date column: Iranian readers date things in
    /// the Solar Hijri calendar, spreadsheets and Power BI compute with Gregorian dates; exports carry both.
    /// </summary>
    public ExportTable WithSolarDates()
    {
        var dates = Columns.Select((c, i) => (c, i)).Where(x => x.c.Kind == ColumnKind.Date).Select(x => x.i).ToArray();
        if (dates.Length == 0)
            return this;
        var columns = new List<ExportColumn>();
        foreach (var column in Columns)
        {
            columns.Add(column);
            if (column.Kind == ColumnKind.Date)
                columns.Add(new ExportColumn(column.Name + "Solar", ColumnKind.Text, column.Header(ExportLanguage.Fa) + " (شمسی)"));
        }
        return new ExportTable(columns, AddSolar(Rows, Columns.Count, dates));
    }

    private static async IAsyncEnumerable<object?[]> AddSolar(
        IAsyncEnumerable<object?[]> rows,
        int width,
        int[] dates,
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
                Array.Copy(row, from, wider, to, date + 1 - from);
                to += date + 1 - from;
                from = date + 1;
                wider[to++] = row[date] is DateOnly day ? SolarText(solar, day) : null;
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
