using System.Globalization;

namespace WelfareGraph.Analytics.Wording;

/// <summary>
/// Numbers as an English statement writes them: money of a million or more in billions or millions with at
/// most two decimals, trailing zeros dropped ("5.3 billion", "56.05 billion"), smaller money and all counts in
/// digits with thousands separators ("30,606"). The caller adds the noun; exact figures stay beside the text.
/// </summary>
public static class EnglishAmounts
{
    private const decimal Billion = 1_000_000_000m,
        Million = 1_000_000m,
        Thousand = 1_000m;

    /// <summary>"5.3 billion", "1.15 billion", "250 million", "950,000".</summary>
    public static string Money(decimal value)
    {
        if (value < 0)
            return "-" + Money(-value);
        if (value < Million)
            return Digits(Math.Round(value, 2, MidpointRounding.AwayFromZero));
        var (size, name) = value >= Billion ? (Billion, "billion") : (Million, "million");
        var scaled = Math.Round(value / size, 2, MidpointRounding.AwayFromZero);
        // 999,999,999 rounds to 1,000 million, which a reader says as 1 billion.
        if (size == Million && scaled >= 1_000m)
            (scaled, name) = (Math.Round(value / Billion, 2, MidpointRounding.AwayFromZero), "billion");
        return $"{Digits(scaled)} {name}";
    }

    /// <summary>A count in digits: "30,606".</summary>
    public static string Count(long value) => Digits(value);

    /// <summary>
    /// The headline form, as the Persian one: rounded down to whole units of the largest unit (billion, million,
    /// thousand), with "over" when that dropped anything: "over 56 billion", "over 30,000", "16 billion".
    /// Thousands stay digits ("over 1,000"), as English writes them.
    /// </summary>
    public static string Headline(decimal value)
    {
        if (value < 0)
            return "-" + Headline(-value);
        var (size, name) =
            value >= Billion ? (Billion, " billion")
            : value >= Million ? (Million, " million")
            : value >= Thousand ? (Thousand, "")
            : (1m, "");
        var units = decimal.Floor(value / size);
        var text = name.Length > 0 ? Digits(units) + name : Digits(units * size);
        return units * size == value ? text : $"over {text}";
    }

    /// <summary>A fraction as whole percent: "8 %"; "n/a" when unknown.</summary>
    public static string Percent(double? fraction) =>
        fraction is { } f ? $"{Digits(Math.Round((decimal)f * 100, MidpointRounding.AwayFromZero))} %" : "n/a";

    private static string Digits(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);
}
