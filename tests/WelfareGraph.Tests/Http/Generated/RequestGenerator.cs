using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;

namespace WelfareGraph.Tests.Http.Generated;

/// <summary>
/// HTTP requests around generated operations: POST bodies and GET query strings, Accept and Content-Type
/// headers right and wrong, batches, bodies that are not JSON or not a GraphQL request, callers with and
/// without the right token. About half are valid operations sent correctly by an analyst.
/// </summary>
public static class RequestGenerator
{
    private const string Path = "/graphql";
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly Gen<string?> GoodAccept = Gen.OneOf<string?>(
        "application/graphql-response+json",
        "application/json",
        "*/*",
        null,
        "application/graphql-response+json, application/json;q=0.9",
        "application/json, text/plain",
        "text/html;q=0.5, application/json",
        "application/*"
    );

    private static readonly Gen<string?> BadAccept = Gen.OneOf<string?>(
        "text/csv",
        "application/xml",
        "application/json;q=0",
        "image/png, text/html",
        "application/graphql"
    );

    private static readonly Gen<string> GoodContentType = Gen.OneOf(
        "application/json",
        "application/json; charset=utf-8",
        "Application/JSON"
    );

    private static readonly Gen<string?> BadContentType = Gen.OneOf<string?>(
        null,
        "text/plain",
        "application/graphql",
        "application/x-www-form-urlencoded",
        "application/json; charset=latin1",
        "multipart/form-data; boundary=x",
        "application/graphql-response+json"
    );

    private static readonly Gen<Caller> Authorised = Gen.Frequency((4, Gen.Const(Caller.Analyst)), (1, Gen.Const(Caller.Auditor)));

    private static readonly Gen<Caller> AnyCaller = Gen.Frequency(
        (6, Gen.Const(Caller.Analyst)),
        (1, Gen.Const(Caller.Auditor)),
        (1, Gen.Const(Caller.CountyAnalyst)),
        (1, Gen.Const(Caller.Anonymous)),
        (1, Gen.Const(Caller.WithoutReadScope))
    );

    public static string BodyOf(GeneratedOperation operation, bool nullVariables = false)
    {
        var body = new JsonObject { ["query"] = operation.Document };
        if (operation.Variables is not null)
            body["variables"] = operation.Variables.DeepClone();
        else if (nullVariables)
            body["variables"] = null;
        if (operation.OperationName is not null)
            body["operationName"] = operation.OperationName;
        return body.ToJsonString(Readable);
    }

    private static string QueryString(GeneratedOperation operation)
    {
        var parts = new List<string> { "query=" + Uri.EscapeDataString(operation.Document) };
        if (operation.Variables is not null)
            parts.Add("variables=" + Uri.EscapeDataString(operation.Variables.ToJsonString(Readable)));
        if (operation.OperationName is not null)
            parts.Add("operationName=" + Uri.EscapeDataString(operation.OperationName));
        return Path + "?" + string.Join("&", parts);
    }

    /// <summary>An operation sent by POST (or, for queries, GET), with acceptable headers.</summary>
    private static Gen<GeneratedRequest> Sent(GeneratedOperation operation, Gen<Caller> callers, bool expectExecuted) =>
        from get in Gen.Frequency((4, Gen.Const(false)), (1, Gen.Const(!operation.IsMutation)))
        from accept in GoodAccept
        from contentType in GoodContentType
        from caller in callers
        from nullVariables in Gen.Bool
        select get
            ? new GeneratedRequest(
                "GET",
                QueryString(operation),
                null,
                null,
                accept,
                caller,
                operation.Kind + " (GET)",
                expectExecuted,
                operation.Deterministic,
                IsBatch: false
            )
            : new GeneratedRequest(
                "POST",
                Path,
                BodyOf(operation, nullVariables),
                contentType,
                accept,
                caller,
                operation.Kind,
                expectExecuted,
                operation.Deterministic && !operation.IsMutation,
                IsBatch: false
            );

    private static readonly Gen<GeneratedRequest> Valid = ValidOperations.Query.SelectMany(operation =>
        Sent(operation, Authorised, expectExecuted: true)
    );

    private static readonly Gen<GeneratedRequest> ValidBatch =
        from operations in ValidOperations.Query.Array[1, 3]
        from accept in GoodAccept
        from contentType in GoodContentType
        from caller in Authorised
        select new GeneratedRequest(
            "POST",
            Path,
            "[" + string.Join(",", operations.Select(o => BodyOf(o))) + "]",
            contentType,
            accept,
            caller,
            "batch:" + string.Join(",", operations.Select(o => o.Kind)),
            ExpectExecuted: true,
            operations.All(o => o.Deterministic),
            IsBatch: true
        );

    /// <summary>Dashboards' trusted documents, sent by id with their variables.</summary>
    private static readonly Gen<GeneratedRequest> Trusted =
        from id in Gen.OneOf("ParticipationStatement", "TotalsByCounty")
        from key in Gen.OneOf("id", "documentId")
        from period in ValidOperations.Period
        from accept in GoodAccept
        let body = new JsonObject
        {
            [key] = id,
            ["variables"] = new JsonObject { ["province"] = "IR-19", ["period"] = period.Json() },
        }
        select new GeneratedRequest(
            "POST",
            Path,
            body.ToJsonString(Readable),
            "application/json",
            accept,
            Caller.Analyst,
            "trusted:" + id,
            ExpectExecuted: true,
            Repeatable: true,
            IsBatch: false
        );

    private static readonly Gen<GeneratedRequest> Corrupt =
        from operation in CorruptOperations.Any
        from request in Sent(operation, AnyCaller, expectExecuted: false)
        select request;

    /// <summary>A request whose headers the transport must refuse (406, 415) or whose body is not a GraphQL request in JSON.</summary>
    private static readonly Gen<GeneratedRequest> BadTransport =
        from operation in Gen.OneOf(ValidOperations.Query, CorruptOperations.Any)
        from fault in Gen.OneOf("accept", "content-type", "body", "batch", "get")
        from accept in Gen.OneOf(GoodAccept, BadAccept)
        from badAccept in BadAccept
        from badContentType in BadContentType
        from caller in AnyCaller
        from cut in Gen.Double[0, 1]
        from malformed in Gen.Int[0, 21]
        from batchSize in Gen.Int[0, 12]
        let body = BodyOf(operation)
        select fault switch
        {
            "accept" => new GeneratedRequest(
                "POST",
                Path,
                body,
                "application/json",
                badAccept,
                caller,
                "transport:accept",
                false,
                true,
                false
            ),
            "content-type" => new GeneratedRequest(
                "POST",
                Path,
                body,
                badContentType,
                accept,
                caller,
                "transport:content-type",
                false,
                true,
                false
            ),
            "batch" => new GeneratedRequest(
                "POST",
                Path,
                "[" + string.Join(",", Enumerable.Repeat(body, batchSize)) + "]",
                "application/json",
                accept,
                caller,
                $"transport:batch-of-{batchSize}",
                false,
                operation.Deterministic && !operation.IsMutation,
                IsBatch: true
            ),
            "get" => BadGet(operation, malformed, accept, caller),
            _ => MalformedBody(body, malformed, cut, accept, caller),
        };

    private static GeneratedRequest MalformedBody(string body, int which, double cut, string? accept, Caller caller)
    {
        var query = JsonSerializer.Serialize("{ province(code: \"IR-19\") { code } }");
        var (kind, text, latin1) = which switch
        {
            0 => ("truncated", body[..Math.Max(1, (int)(cut * (body.Length - 1)))], false),
            1 => ("trailing-comma", body[..^1] + ",}", false),
            2 => ("empty", "", false),
            3 => ("null", "null", false),
            4 => ("string", "\"{ __typename }\"", false),
            5 => ("number-query", "{\"query\": 5}", false),
            6 => ("array-query", "{\"query\": [\"{ __typename }\"]}", false),
            7 => ("string-variables", $"{{\"query\": {query}, \"variables\": \"{{}}\"}}", false),
            8 => ("array-variables", $"{{\"query\": {query}, \"variables\": [1, 2]}}", false),
            9 => ("string-extensions", $"{{\"query\": {query}, \"extensions\": \"x\"}}", false),
            10 => ("no-query", "{}", false),
            11 => ("bom", "\uFEFF" + body, false),
            12 => ("duplicate-key", $"{{\"query\": {query}, \"query\": \"{{ __typename }}\"}}", false),
            13 => ("unknown-trusted-id", "{\"id\": \"Nope\"}", false),
            14 => ("lone-surrogate-in-query", "{\"query\": \"{ county(code: \\\"\\ud800\\\") { code } }\"}", false),
            15 => (
                "lone-surrogate-in-variables",
                "{\"query\": \"query($c: String!) { county(code: $c) { code } }\", \"variables\": {\"c\": \"\\udfff\"}}",
                false
            ),
            16 => ("invalid-utf8", "{\"query\": \"{ county(code: \\\"ÿþ\\\") { code } }\"}", true),
            17 => ("nul-in-json", "{\"query\": \"{ __typename }\u0000\"}", false),
            18 => ("document-too-long", JsonSerializer.Serialize(new { query = "{ __typename " + new string(' ', 70_000) + "}" }), false),
            19 => (
                "body-too-large",
                "{\"query\": \"{ __typename }\", \"extensions\": {\"pad\": \"" + new string('x', 4 * 1024 * 1024 + 10) + "\"}}",
                false
            ),
            20 => ("operation-name-number", $"{{\"query\": {query}, \"operationName\": 7}}", false),
            _ => (
                "deep-json",
                "{\"query\": \"{ __typename }\", \"variables\": {\"a\": " + new string('[', 2000) + new string(']', 2000) + "}}",
                false
            ),
        };
        return new GeneratedRequest("POST", Path, text, "application/json", accept, caller, "body:" + kind, false, true, false, latin1);
    }

    private static GeneratedRequest BadGet(GeneratedOperation operation, int which, string? accept, Caller caller)
    {
        var query = "query=" + Uri.EscapeDataString(operation.Document);
        var (kind, target) = (which % 7) switch
        {
            0 => ("variables-not-json", $"{Path}?{query}&variables=%7Bx"),
            1 => ("variables-array", $"{Path}?{query}&variables=%5B1%5D"),
            2 => ("no-query", $"{Path}?variables=%7B%7D"),
            3 => ("empty-query", $"{Path}?query="),
            4 => (
                "mutation",
                $"{Path}?query={Uri.EscapeDataString("mutation { reopenPeriod(province: \"IR-19\", year: 1404, month: 1) }")}"
            ),
            5 => ("too-long", $"{Path}?query={Uri.EscapeDataString("{ __typename " + new string(' ', 70_000) + "}")}"),
            _ => ("extensions-not-json", $"{Path}?{query}&extensions=nope"),
        };
        // A browser's Accept without a query is sent to the IDE (a redirect, not a GraphQL answer): keep JSON here.
        return new GeneratedRequest(
            "GET",
            target,
            null,
            null,
            accept is null || accept.Contains("html", StringComparison.Ordinal) ? "application/json" : accept,
            caller,
            "get:" + kind,
            false,
            true,
            false
        );
    }

    public static readonly Gen<GeneratedRequest> Any = Gen.Frequency(
        (10, Valid),
        (2, ValidBatch),
        (1, Trusted),
        (1, PagingAgreement.Request),
        (8, Corrupt),
        (4, BadTransport)
    );
}
