using System.Text.Json;
using System.Text.Json.Serialization;
using GraphQL;
using WelfareGraph.Labels;

namespace WelfareGraph.Exports;

public enum ExportFormat
{
    Csv,
    Xlsx,
    Parquet,
}

/// <summary>Power BI's three kinds of "Export data".</summary>
public enum ExportMode
{
    /// <summary>The result's table as the query returns it, flattened.</summary>
    Summarized,

    /// <summary>A pivot of the result: rows × columns with totals, as a matrix visual shows it.</summary>
    Layout,

    /// <summary>The fact rows behind a totals query: same where, period and scope; no row cap.</summary>
    Underlying,
}

/// <summary>The pivot of <see cref="ExportMode.Layout"/>: column names of the summarized table.</summary>
public sealed record PivotLayout(IReadOnlyList<string> Rows, IReadOnlyList<string> Columns, IReadOnlyList<string> Values);

/// <summary>The body of <c>POST /exports</c> and <c>POST /exports/jobs</c>: a GraphQL request plus how to write it.</summary>
public sealed class ExportRequest
{
    public string? Query { get; set; }

    /// <summary>The id of a trusted document (<c>schema/operations</c>) instead of <see cref="Query"/>.</summary>
    public string? Id { get; set; }

    public JsonElement? Variables { get; set; }
    public string? OperationName { get; set; }
    public string? Format { get; set; }
    public string? Mode { get; set; }
    public PivotLayout? Layout { get; set; }
    public string? Lang { get; set; }

    /// <summary>Keeps enum values as API codes (<c>IN_KIND</c>) even when <see cref="Lang"/> asks for labels.</summary>
    public bool? Codes { get; set; }

    [JsonIgnore]
    public Inputs? Inputs { get; set; }
}

/// <summary>An export request checked and parsed: what to run and how to write it.</summary>
public sealed record ExportSpec(
    string Query,
    string? TrustedId,
    Inputs? Variables,
    string? OperationName,
    ExportFormat Format,
    ExportMode Mode,
    PivotLayout? Layout,
    Language Language,
    bool LabelValues = false
)
{
    public static ExportSpec Parse(ExportRequest request, string query, string? trustedId, Inputs? variables)
    {
        var format = ParseEnum<ExportFormat>(request.Format, "format", ExportFormat.Csv);
        var mode = ParseEnum<ExportMode>(request.Mode, "mode", ExportMode.Summarized);
        var language = ParseEnum<Language>(request.Lang, "lang", Language.En);
        if (mode == ExportMode.Layout && (request.Layout is null || request.Layout.Values is not { Count: > 0 }))
            throw new ExportException(
                "`mode: layout` needs `layout: { rows: [...], columns: [...], values: [...] }` naming columns of the summarized table."
            );
        // Values are labelled only when the caller names a language: without `lang` (what a scheduled Power BI
        // refresh sends) the file keeps the API codes it always had, and `codes: true` keeps them with a language.
        var labelValues = !string.IsNullOrWhiteSpace(request.Lang) && request.Codes != true;
        return new ExportSpec(query, trustedId, variables, request.OperationName, format, mode, request.Layout, language, labelValues);
    }

    public static T ParseEnum<T>(string? text, string name, T fallback)
        where T : struct, Enum =>
        string.IsNullOrWhiteSpace(text) ? fallback
        : Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) ? value
        : throw new ExportException(
            $"`{name}: {text}` is not one of {string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))}."
        );
}

/// <summary>A request that cannot be exported as asked; the message goes to the caller.</summary>
public sealed class ExportException(string message, string code = "INVALID_EXPORT", int status = StatusCodes.Status400BadRequest)
    : Exception(message)
{
    public string Code { get; } = code;
    public int Status { get; } = status;
}
