using System.Diagnostics;
using GraphQL;
using GraphQLParser.AST;
using WelfareGraph.Telemetry;

namespace WelfareGraph.Requests;

/// <summary>
/// The span and the metrics of one GraphQL operation: its name, type and root fields, where its answer came
/// from and whether a cache answered (<see cref="OperationFacts"/>), and its outcome with the error codes.
/// Never the document's text, its variables or any value of the answer: a span says what was asked, not for whom or about what.
/// </summary>
public sealed class OperationSpan : IDisposable
{
    public const string OperationName = "graphql.operation.name";
    public const string OperationType = "graphql.operation.type";
    public const string RootFields = "welfaregraph.root_fields";
    public const string Source = "welfaregraph.source";
    public const string CacheHit = "welfaregraph.cache_hit";
    public const string Outcome = "welfaregraph.outcome";
    public const string ErrorCodes = "welfaregraph.error_codes";

    private readonly Activity? _activity;
    private readonly WelfareMetrics? _metrics;
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly string _name;

    public OperationSpan(ExecutionOptions options, WelfareMetrics? metrics)
    {
        _metrics = metrics;
        var operation = Operation(options.Document ?? Parsed(options.Query), options.OperationName);
        _name = operation?.Name?.StringValue ?? options.OperationName ?? "anonymous";
        Facts = OperationFacts.Of(options.UserContext) ?? new OperationFacts();
        options.UserContext ??= new Dictionary<string, object?>();
        options.UserContext[OperationFacts.Key] = Facts;
        var type = operation?.Operation.ToString().ToLowerInvariant() ?? "query";
        _activity = WelfareTelemetry.Source.StartActivity($"{type} {_name}", ActivityKind.Internal);
        if (_activity is null)
            return;
        _activity.SetTag(OperationName, _name);
        _activity.SetTag(OperationType, type);
        if (operation is not null)
            _activity.SetTag(
                RootFields,
                operation.SelectionSet.Selections.OfType<GraphQLField>().Select(f => f.Name.StringValue).Distinct().ToArray()
            );
    }

    public OperationFacts Facts { get; }

    /// <summary>Records how the operation ended; <paramref name="timedOut"/> when its deadline stopped it.</summary>
    public void End(ExecutionResult result, bool timedOut)
    {
        var codes = result.Errors?.Select(e => e.Code ?? "ERROR").Distinct(StringComparer.Ordinal).ToArray() ?? [];
        var outcome =
            timedOut ? "timeout"
            : codes.Length == 0 ? "ok"
            : "error";
        _metrics?.Operation(_name, outcome, Facts.Source, Stopwatch.GetElapsedTime(_started));
        if (_activity is null)
            return;
        _activity.SetTag(Outcome, outcome);
        if (Facts.Source is { } source)
            _activity.SetTag(Source, source);
        if (Facts.CacheHit is { } hit)
            _activity.SetTag(CacheHit, hit);
        if (codes.Length > 0)
        {
            _activity.SetTag(ErrorCodes, codes);
            _activity.SetStatus(ActivityStatusCode.Error, string.Join(' ', codes));
        }
    }

    public void Dispose() => _activity?.Dispose();

    /// <summary>Exports send the text (checked against the document limits already): parsed again here for its names only.</summary>
    private static GraphQLDocument? Parsed(string? query)
    {
        if (query is null)
            return null;
        try
        {
            return GraphQLParser.Parser.Parse(query);
        }
        catch (GraphQLParser.Exceptions.GraphQLSyntaxErrorException)
        {
            return null;
        }
    }

    /// <summary>
    /// The operation the execution runs: the named one, else the document's only one (the executer refuses anything else).
    /// </summary>
    private static GraphQLOperationDefinition? Operation(GraphQLDocument? document, string? name)
    {
        var operations = document?.Definitions.OfType<GraphQLOperationDefinition>().ToList() ?? [];
        return name is null
            ? operations.Count == 1
                ? operations[0]
                : null
            : operations.FirstOrDefault(o => o.Name?.StringValue == name);
    }
}
