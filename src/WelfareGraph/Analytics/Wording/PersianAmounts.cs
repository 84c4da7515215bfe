using System.Globalization;
using WelfareGraph.Periods;

namespace WelfareGraph.Analytics.Wording;

/// <summary>
/// Numbers as a provincial welfare office writes them in a Persian statement: named units largest first
/// (میلیارد، میلیون، هزار, then the rest), each non-zero part joined by «و», a whole part from 1 to 9 as a
/// word and anything else in Persian digits: «پنج میلیارد و ۳۰۰ میلیون», «۳۰ هزار و ۶۰۶».
/// The caller adds the noun (تومان، خانوار، نفر); the exact figure stays a number beside the text.
/// </summary>
public static class PersianAmounts
{
    private static readonly string[] Digits = ["صفر", "یک", "دو", "سه", "چهار", "پنج", "شش", "هفت", "هشت", "نه"];

    private static readonly (decimal Size, string Name)[] Units = [(1_000_000_000m, "میلیارد"), (1_000_000m, "میلیون"), (1_000m, "هزار")];

    /// <summary>The whole value in named units: «۵۶ میلیارد و ۵۰ میلیون», «هزار و ۸۳», «صفر».</summary>
    public static string Exact(decimal value)
    {
        // Money in toman can carry the tenths of a rial-derived figure; a statement never needs more than two places.
        value = Math.Round(value, 2, MidpointRounding.AwayFromZero);
        if (value < 0)
            return "منفی " + Exact(-value);
        if (value == 0)
            return Digits[0];

        var parts = new List<string>();
        var remaining = value;
        foreach (var (size, name) in Units)
        {
            var count = decimal.Floor(remaining / size);
            if (count == 0)
                continue;
            remaining -= count * size;
            // «هزار» alone means one thousand («بیش از هزار نفر»), but «یک میلیون» and «یک میلیارد» keep their «یک»
            // («یک میلیارد و ۱۵۰ میلیون»). A count of a thousand or more billions nests: «هزار و ۵۰۰ میلیارد».
            parts.Add(count == 1 && size == 1_000m ? name : $"{Exact(count)} {name}");
        }
        if (remaining != 0)
            parts.Add(Part(remaining));
        return string.Join(" و ", parts);
    }

    /// <summary>
    /// The headline form: rounded down to whole units of the value's largest unit, with «بیش از» when that
    /// dropped anything: «بیش از ۵۶ میلیارد», «بیش از هزار», «۱۶ میلیارد».
    /// </summary>
    public static string Headline(decimal value)
    {
        if (value < 0)
            return "منفی " + Headline(-value);
        var size = Units.Select(u => u.Size).FirstOrDefault(s => value >= s, 1m);
        var rounded = decimal.Floor(value / size) * size;
        var text = Exact(rounded);
        return rounded == value ? text : $"بیش از {text}";
    }

    /// <summary>A fraction as whole percent, worded like amounts: «هشت درصد», «۶۳ درصد»; «نامعلوم» when unknown.</summary>
    public static string Percent(double? fraction) =>
        fraction is { } f ? $"{Exact(Math.Round((decimal)f * 100, MidpointRounding.AwayFromZero))} درصد" : "نامعلوم";

    // A part below a thousand: a whole 1–9 is a word, the rest digits with the Persian decimal separator.
    private static string Part(decimal part) =>
        decimal.IsInteger(part) && part < 10
            ? Digits[(int)part]
            : ResolvedPeriod.PersianDigits(part.ToString("0.##", CultureInfo.InvariantCulture)).Replace('.', '٫');
}
