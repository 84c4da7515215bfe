using System.Globalization;
using WelfareGraph.Labels;

namespace WelfareGraph.Exports;

/// <summary>
/// The layout export: the summarized table pivoted as a matrix visual shows it — one row per combination of
/// the row columns, one column per combination of the column columns and value, a total column per value and
/// a totals row. It works on the query's groups, which are already aggregated by SQL (at most
/// <c>Analytics:MaxGroups</c> rows), never on fact rows. Totals add up sums and counts; min and max take the
/// min and max; averages and ratios cannot be added up, so their totals (and any cell that would need it) are empty.
/// </summary>
public static class PivotTables
{
    private static readonly HashSet<string> NotAdditive = new(StringComparer.Ordinal)
    {
        "average",
        "share",
        "growth",
        "coverageRate",
        "occupancy",
        "partial",
        "suppressed",
        "subtotal",
    };

    /// <param name="labels">The language enum codes in column headers are labelled in, or null to keep the codes.</param>
    public static ExportTable Build(ResultTable table, PivotLayout layout, Language language, Language? labels = null)
    {
        var index = table.Columns.Select((c, i) => (c.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);
        int[] Find(IEnumerable<string> names) =>
            names
                .Select(n =>
                    index.TryGetValue(n, out var i)
                        ? i
                        : throw new ExportException(
                            $"The layout names `{n}`, which is not a column of the result; "
                                + $"its columns are: {string.Join(", ", table.Columns.Select(c => c.Name))}."
                        )
                )
                .ToArray();
        var rowDims = Find(layout.Rows ?? []);
        var colDims = Find(layout.Columns ?? []);
        var values = Find(layout.Values);
        // Subtotal rows of a rollup would be counted twice.
        var source = index.TryGetValue("subtotal", out var subtotal)
            ? table.Rows.Where(r => r[subtotal] is not true).ToList()
            : table.Rows.ToList();

        var rowKeys = source.Select(r => Key(r, rowDims)).Distinct(KeyComparer.Instance).Order(KeyComparer.Instance).ToList();
        var colKeys = source.Select(r => Key(r, colDims)).Distinct(KeyComparer.Instance).Order(KeyComparer.Instance).ToList();
        var cells = source
            .GroupBy(r => (Key(r, rowDims), Key(r, colDims)), PairComparer.Instance)
            .ToDictionary(g => g.Key, g => g.ToList(), PairComparer.Instance);
        var byRow = source
            .GroupBy(r => Key(r, rowDims), KeyComparer.Instance)
            .ToDictionary(g => g.Key, g => g.ToList(), KeyComparer.Instance);
        var byColumn = source
            .GroupBy(r => Key(r, colDims), KeyComparer.Instance)
            .ToDictionary(g => g.Key, g => g.ToList(), KeyComparer.Instance);

        var columns = rowDims.Select(i => table.Columns[i]).ToList();
        var total = ColumnHeaders.Total(language);
        foreach (var colKey in colKeys)
        {
            foreach (var v in values)
                columns.Add(
                    ValueColumn(
                        table.Columns[v],
                        colDims.Length == 0 ? null : Label(colKey, colDims.Select(i => table.Columns[i].Codes).ToArray(), labels),
                        values.Length > 1 || colDims.Length == 0
                    )
                );
        }
        if (colDims.Length > 0)
            foreach (var v in values)
                columns.Add(ValueColumn(table.Columns[v], total, true));

        var rows = new List<object?[]>();
        foreach (var rowKey in rowKeys)
        {
            var row = new List<object?>(rowKey);
            foreach (var colKey in colKeys)
            {
                foreach (var v in values)
                    row.Add(Aggregate(table.Columns[v], cells.GetValueOrDefault((rowKey, colKey)), v));
            }
            if (colDims.Length > 0)
                foreach (var v in values)
                    row.Add(Aggregate(table.Columns[v], byRow[rowKey], v));
            rows.Add([.. row]);
        }
        var totals = new List<object?>(rowDims.Select((_, i) => i == 0 ? (object?)total : null));
        foreach (var colKey in colKeys)
        {
            foreach (var v in values)
                totals.Add(Aggregate(table.Columns[v], byColumn[colKey], v));
        }
        if (colDims.Length > 0)
            foreach (var v in values)
                totals.Add(Aggregate(table.Columns[v], source, v));
        if (rowDims.Length > 0)
            rows.Add([.. totals]);
        else
            rows =
            [
                [.. totals],
            ];
        // The totals row's label sits in the first row column: a number column there becomes text.
        if (rowDims.Length > 0 && columns[0].Kind != ColumnKind.Text)
        {
            columns[0] = columns[0] with { Kind = ColumnKind.Text, NumberFormat = null };
            foreach (var row in rows)
                row[0] = row[0] is null or string ? row[0] : Convert.ToString(row[0], CultureInfo.InvariantCulture);
        }
        return ExportTable.FromRows(columns, rows);
    }

    private static ExportColumn ValueColumn(ExportColumn value, string? label, bool withValueName)
    {
        var name =
            label is null ? value.Name
            : withValueName ? $"{label} | {value.Name}"
            : label;
        var fa =
            label is null ? value.Header(Language.Fa)
            : withValueName ? $"{label} | {value.Header(Language.Fa)}"
            : label;
        // A copy of the measure's column, so it keeps its number format.
        return value with { Name = name, HeaderFa = fa, Codes = null };
    }

    private static object? Aggregate(ExportColumn column, List<object?[]>? rows, int index)
    {
        if (rows is not { Count: > 0 })
            return null;
        var values = rows.Select(r => r[index]).Where(v => v is not null).ToList();
        if (values.Count == 0)
            return null;
        if (values.Count == 1 && rows.Count == 1)
            return values[0];
        var leaf = column.Name[(column.Name.LastIndexOf('.') + 1)..];
        if (NotAdditive.Contains(leaf) || column.Kind is ColumnKind.Text or ColumnKind.Boolean or ColumnKind.Date)
            return null;
        return (leaf, column.Kind) switch
        {
            ("min", _) => values.Min(),
            ("max", _) => values.Max(),
            (_, ColumnKind.Integer) => values.Sum(v => (long)v!),
            (_, ColumnKind.Decimal) => values.Sum(v => (decimal)v!),
            _ => values.Sum(v => (double)v!),
        };
    }

    private static object?[] Key(object?[] row, int[] dims) => dims.Select(i => row[i]).ToArray();

    private static string Label(object?[] key, Type?[] codes, Language? labels) =>
        string.Join(
            " / ",
            key.Select(
                (k, i) =>
                    k switch
                    {
                        null => "-",
                        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        string code when labels is { } language && codes[i] is { } type => (string)
                            CodeLabels.Label(CodeLabels.For(type, language), code)!,
                        _ => Convert.ToString(k, CultureInfo.InvariantCulture),
                    }
            )
        );

    /// <summary>Compares keys value by value: numbers as numbers, text ordinally, nulls last.</summary>
    private sealed class KeyComparer : IComparer<object?[]>, IEqualityComparer<object?[]>
    {
        public static readonly KeyComparer Instance = new();

        public int Compare(object?[]? x, object?[]? y)
        {
            for (var i = 0; i < x!.Length; i++)
            {
                var c = (x[i], y![i]) switch
                {
                    (null, null) => 0,
                    (null, _) => 1,
                    (_, null) => -1,
                    (string a, string b) => string.CompareOrdinal(a, b),
                    (IComparable a, var b) when a.GetType() == b.GetType() => a.CompareTo(b),
                    var (a, b) => string.CompareOrdinal(
                        Convert.ToString(a, CultureInfo.InvariantCulture),
                        Convert.ToString(b, CultureInfo.InvariantCulture)
                    ),
                };
                if (c != 0)
                    return c;
            }
            return 0;
        }

        public bool Equals(object?[]? x, object?[]? y) => x!.Length == y!.Length && x.Zip(y).All(p => Equals(p.First, p.Second));

        public int GetHashCode(object?[] key) => key.Aggregate(17, (h, v) => h * 31 + (v?.GetHashCode() ?? 0));
    }

    private sealed class PairComparer : IEqualityComparer<(object?[], object?[])>
    {
        public static readonly PairComparer Instance = new();

        public bool Equals((object?[], object?[]) x, (object?[], object?[]) y) =>
            KeyComparer.Instance.Equals(x.Item1, y.Item1) && KeyComparer.Instance.Equals(x.Item2, y.Item2);

        public int GetHashCode((object?[], object?[]) pair) =>
            HashCode.Combine(KeyComparer.Instance.GetHashCode(pair.Item1), KeyComparer.Instance.GetHashCode(pair.Item2));
    }
}
