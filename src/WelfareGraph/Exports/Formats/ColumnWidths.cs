namespace WelfareGraph.Exports.Formats;

/// <summary>
/// Column widths (in Excel's unit, the width of a digit) that fit a column's header and its values as shown.
/// Persian letters, joined and with their diacritic space, run wider than Latin digits in the fonts Excel and
/// LibreOffice pick for them, so Arabic-script text counts a fifth more.
/// </summary>
public static class ColumnWidths
{
    public const double Min = 8;
    public const double Max = 100;

    public static double[] Fit(IReadOnlyList<string> headers, IReadOnlyList<string?> formats, IEnumerable<object?[]> rows)
    {
        var widths = headers.Select(Width).ToArray();
        foreach (var row in rows)
        {
            for (var i = 0; i < widths.Length; i++)
                widths[i] = Math.Max(widths[i], Width(NumberFormats.Shown(row[i], formats[i])));
        }
        return [.. widths.Select(w => Math.Clamp(w, Min, Max))];
    }

    public static double Width(string text)
    {
        var arabicScript = text.Any(c => c is >= '\u0600' and <= '\u06FF' or >= '\uFB50' and <= '\uFEFF');
        return Math.Ceiling(text.Length * (arabicScript ? 1.2 : 1.0)) + 2;
    }
}
