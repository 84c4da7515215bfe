using System.Globalization;

namespace WelfareGraph.Http;

/// <summary>
/// The statement page's query string, checked before the page is sent, so a wrong link is a precise 400
/// rather than a page that fails in the browser: <c>year</c> (Solar Hijri, required), <c>fromMonth</c> (default 1),
/// <c>toMonth</c> (default 12), <c>lang</c> (<c>fa</c> or <c>en</c>). Persian and Arabic-Indic digits are read as digits.
/// </summary>
public static class StatementQuery
{
    public static IResult? Problem(IQueryCollection query)
    {
        if (LanguageProblem(query) is { } language)
            return language;
        if (!TryNumber(query, "year", null, out var year) || year is < 1300 or > 1599)
            return BadRequest("year must be a Solar Hijri year between 1300 and 1599, e.g. year=1404.");
        if (!TryNumber(query, "fromMonth", 1, out var from) || from is < 1 or > 12)
            return BadRequest("fromMonth must be a month number from 1 to 12.");
        if (!TryNumber(query, "toMonth", 12, out var to) || to is < 1 or > 12)
            return BadRequest("toMonth must be a month number from 1 to 12.");
        return from > to ? BadRequest($"fromMonth ({from}) must not come after toMonth ({to}).") : null;
    }

    public static IResult? LanguageProblem(IQueryCollection query) =>
        query["lang"].ToString() is "" or "fa" or "en" ? null : BadRequest("lang must be fa or en.");

    private static bool TryNumber(IQueryCollection query, string key, int? fallback, out int value)
    {
        var text = query[key].ToString();
        if (text.Length == 0)
        {
            value = fallback ?? 0;
            return fallback is not null;
        }
        var digits = new string(text.Select(c => char.IsDigit(c) ? (char)('0' + (int)char.GetNumericValue(c)) : c).ToArray());
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    private static IResult BadRequest(string message) => Results.Text(message, "text/plain; charset=utf-8", statusCode: 400);
}
