using System.Globalization;

namespace WelfareGraph.Exports.Formats;

/// <summary>
/// How a spreadsheet shows a column's numbers, in Excel's format codes: money and counts with thousands
/// separators and no decimals (money is already in the unit the query asked for), ratios as percentages,
/// and keys that are numbers (years, months, ids) as bare digits, since «۱٬۴۰۴» is no year.
/// </summary>
public static class NumberFormats
{
    public const string Grouped = "#,##0";
    public const string Digits = "0";
    public const string Fraction = "#,##0.00";
    public const string Percent = "0.0%";
    public const string Date = "yyyy-mm-dd";

    private static readonly HashSet<string> Ratios = new(StringComparer.Ordinal) { "share", "growth", "coverageRate", "occupancy" };

    private static readonly HashSet<string> Keys = new(StringComparer.Ordinal)
    {
        "id",
        "year",
        "quarter",
        "month",
        "monthOfYear",
        "solarYear",
        "solarQuarter",
        "solarMonth",
    };

    /// <summary>The format of a column, from the leaf of its GraphQL path and its type; null for text.</summary>
    public static string? Of(string name, ColumnKind kind)
    {
        var leaf = name[(name.LastIndexOf('.') + 1)..];
        return kind switch
        {
            ColumnKind.Integer => Keys.Contains(leaf) ? Digits : Grouped,
            // Decimals are money (sum, average, min, max in rial or toman), except a gift's quantity.
            ColumnKind.Decimal => leaf == "quantity" ? Fraction : Grouped,
            ColumnKind.Float => Ratios.Contains(leaf) ? Percent : Fraction,
            ColumnKind.Date => Date,
            _ => null,
        };
    }

    /// <summary>A value as a spreadsheet shows it under <paramref name="format"/>: what a column must be wide enough for.</summary>
    public static string Shown(object? value, string? format) =>
        value switch
        {
            null => "",
            string text => text,
            bool flag => flag ? "TRUE" : "FALSE",
            DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            long number => number.ToString(NetFormat(format), CultureInfo.InvariantCulture),
            decimal number => number.ToString(NetFormat(format), CultureInfo.InvariantCulture),
            double number => number.ToString(NetFormat(format), CultureInfo.InvariantCulture),
            IFormattable other => other.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };

    // Excel's codes used here mean the same in .NET's custom numeric formats.
    private static string NetFormat(string? format) => format ?? "0.##########";
}
