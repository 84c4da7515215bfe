using System.Globalization;
using System.Text;

namespace WelfareGraph.Tests.Statements;

/// <summary>Reading figures and text back from what a reader sees: Persian digits, separators and bidi marks.</summary>
public static class StatementText
{
    /// <summary>The integer written in a text (Persian, Arabic-Indic or ASCII digits; separators dropped).</summary>
    public static long Number(string text)
    {
        var digits = new StringBuilder();
        foreach (var c in text)
            if (char.IsDigit(c))
                digits.Append((char)('0' + (int)char.GetNumericValue(c)));
        Assert.True(digits.Length > 0, $"No number in «{text}».");
        return long.Parse(digits.ToString(), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Text as pdftotext gives it, for comparison: without whitespace and bidi controls, which pdftotext places
    /// around runs of digits and line breaks in right-to-left text.
    /// </summary>
    public static string Comparable(string text) =>
        new(
            text.Where(c =>
                    !char.IsWhiteSpace(c)
                    && c is not ('\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069'))
                )
                .ToArray()
        );
}
