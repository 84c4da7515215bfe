using System.Text;
using Microsoft.Net.Http.Headers;
using WelfareGraph.Periods;

namespace WelfareGraph.Exports;

/// <summary>
/// File names that say what is inside: operation, period and mode (<c>ContributionsByCounty_1404-01_1404-09.xlsx</c>,
/// <c>contributionTotals_1404-07_underlying.csv</c>). ASCII in <c>filename</c>, the full name in <c>filename*</c>.
/// </summary>
public static class ExportFileNames
{
    public static string For(string operation, ResolvedPeriod? period, ExportMode mode, ExportFormat format)
    {
        var parts = new List<string> { operation };
        if (period is not null)
            parts.Add(period.Label.Replace("..", "_"));
        if (mode != ExportMode.Summarized)
            parts.Add(mode.ToString().ToLowerInvariant());
        return Safe(string.Join('_', parts)) + "." + Formats.ExportFormats.Extension(format);
    }

    /// <summary>The headers of every download: its type, its name, never cached, never sniffed as something else.</summary>
    public static void SetAttachment(HttpResponse response, string contentType, string fileName)
    {
        response.ContentType = contentType;
        response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment")
        {
            FileName = Ascii(fileName),
            FileNameStar = fileName,
        }.ToString();
        response.Headers.CacheControl = "no-store";
        response.Headers.XContentTypeOptions = "nosniff";
    }

    private static string Safe(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (var c in name)
            text.Append(char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-');
        return text.ToString();
    }

    private static string Ascii(string name) => string.Concat(name.Select(c => c < 128 ? c : '_'));
}
