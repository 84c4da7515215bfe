using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using WelfareGraph.Tests.Infrastructure;

namespace WelfareGraph.Tests.Http;

/// <summary>The GraphQL over HTTP specification's status codes and media types, and bad input never giving a 500.</summary>
public sealed class GraphQLOverHttpTests(SqliteDemoServer server) : IClassFixture<SqliteDemoServer>
{
    private const string GraphQLResponse = "application/graphql-response+json";
    private readonly HttpClient _http = server.Factory.CreateClient(new() { AllowAutoRedirect = false });

    private async Task<(HttpStatusCode Status, string? MediaType, JsonNode? Body)> SendAsync(HttpRequestMessage request)
    {
        var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    private static HttpRequestMessage Post(string body, string? contentType = "application/json", string? accept = GraphQLResponse)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        if (contentType is not null)
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (accept is not null)
            request.Headers.Accept.ParseAdd(accept);
        return request;
    }

    private static string Code(JsonNode? body) => body!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>();

    [Fact]
    public async Task A_query_answers_200_in_the_media_type_asked_for_with_Persian_as_UTF8()
    {
        var (status, mediaType, body) = await SendAsync(Post("""{"query":"{ province(code: \"IR-19\") { nameFa } }"}"""));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(GraphQLResponse, mediaType);
        Assert.Equal("زنجان", body!["data"]!["province"]!["nameFa"]!.GetValue<string>());

        var raw = await (
            await _http.SendAsync(Post("""{"query":"{ province(code: \"IR-19\") { nameFa } }"}""", accept: "application/json"))
        ).Content.ReadAsStringAsync();
        Assert.Contains("زنجان", raw);
        Assert.DoesNotContain("\\u", raw);
    }

    [Fact]
    public async Task Malformed_JSON_is_400()
    {
        var (status, _, body) = await SendAsync(Post("""{"query": "{ provinces { totalCount } }" """));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("INVALID_REQUEST", Code(body));
    }

    /// <summary>
    /// What was wrong and where in the client's JSON, never the server's .NET types or its reader's bookkeeping
    /// (System.Text.Json says "could not be converted to System.String ... LineNumber: 0 | BytePositionInLine: 10").
    /// </summary>
    [Theory]
    [InlineData("""{"query": 5}""", "$.query")]
    [InlineData("""{"query": "{ __typename }", "variables": [1, 2]}""", "$.variables")]
    [InlineData("""{"query": "{ __typename }", "operationName": {"a": 1}}""", "$.operationName")]
    [InlineData("""{"query": "{ __typename }" """, "line 1")]
    [InlineData("""[{"query": "{ __typename }"}, 7]""", "")]
    public async Task An_unreadable_request_is_400_with_a_message_in_the_clients_terms(string json, string where)
    {
        var (status, _, body) = await SendAsync(Post(json));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("INVALID_REQUEST", Code(body));
        var message = body!["errors"]![0]!["message"]!.GetValue<string>();
        Assert.StartsWith("The request body is not a valid GraphQL request in JSON: ", message, StringComparison.Ordinal);
        Assert.True(message.Contains(where, StringComparison.Ordinal), message);
        Assert.False(
            System.Text.RegularExpressions.Regex.IsMatch(message, @"System\.|GraphQL\.|LineNumber|BytePositionInLine|\.\.$"),
            message
        );
    }

    [Fact]
    public async Task A_body_without_query_is_400()
    {
        var (status, _, body) = await SendAsync(Post("""{"variables": {}}"""));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("INVALID_REQUEST", Code(body));
    }

    [Fact]
    public async Task GraphQL_syntax_errors_are_400_for_graphql_response_json_and_200_for_application_json()
    {
        var (status, _, body) = await SendAsync(Post("""{"query":"{ provinces { "}"""));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("SYNTAX_ERROR", Code(body));
        Assert.Null(body!["data"]);

        (status, _, body) = await SendAsync(Post("""{"query":"{ provinces { "}""", accept: "application/json"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("SYNTAX_ERROR", Code(body));
    }

    [Fact]
    public async Task Unknown_fields_are_a_validation_error()
    {
        var (status, _, body) = await SendAsync(Post("""{"query":"{ provinces { nodes { population } } }"}"""));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("FIELDS_ON_CORRECT_TYPE", Code(body));
        Assert.Contains("population", body!["errors"]![0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Wrong_variable_types_are_400()
    {
        var (status, _, body) = await SendAsync(
            Post(
                """
                {"query":"query($p: PeriodInput!) { participationReport(province: \"IR-19\", period: $p) { total } }",
                 "variables": {"p": {"year": "last year"}}}
                """
            )
        );
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("INVALID_VALUE", Code(body));
    }

    [Fact]
    public async Task Esfand_30_of_a_common_year_is_refused_with_the_reason()
    {
        var (status, _, body) = await SendAsync(
            Post(
                """
                {"query":"query($p: PeriodInput!) { participationReport(province: \"IR-19\", period: $p) { total } }",
                 "variables": {"p": {"from": "1404-12-01", "to": "1404-12-30"}}}
                """
            )
        );
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("INVALID_DATE", Code(body));
        Assert.Contains("Esfand 1404 has 29 days", body!["errors"]![0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Esfand_30_of_a_leap_year_is_a_date()
    {
        var (status, _, body) = await SendAsync(
            Post(
                """
                {"query":"{ participationReport(province: \"IR-19\", period: {from: \"۱۴۰۳-۱۲-۰۱\", to: \"1403-12-30\"})
                """
                    + " "
                    + """
                    { period { from to } } }"}
                    """
            )
        );
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("2025-02-19", body!["data"]!["participationReport"]!["period"]!["from"]!.GetValue<string>());
        Assert.Equal("2025-03-20", body!["data"]!["participationReport"]!["period"]!["to"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_inconsistent_period_is_an_execution_error_with_a_code()
    {
        var (status, _, body) = await SendAsync(
            Post("""{"query":"{ participationReport(province: \"IR-19\", period: {year: 1404, fromMonth: 9, toMonth: 2}) { total } }"}""")
        );
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("INVALID_PERIOD", Code(body));
        Assert.Null(body!["data"]);
    }

    [Fact]
    public async Task A_mutation_over_GET_is_405()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("mutation { closePeriod }"));
        request.Headers.Accept.ParseAdd(GraphQLResponse);
        var response = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("POST", response.Content.Headers.Allow);
    }

    [Fact]
    public async Task A_query_over_GET_runs()
    {
        var request = new HttpRequestMessage(
            HttpMethod.Get,
            "/graphql?query="
                + Uri.EscapeDataString("query($c: String!) { county(code: $c) { nameEn } }")
                + "&variables="
                + Uri.EscapeDataString("""{"c":"IR-19-03"}""")
        );
        var (status, _, body) = await SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Khodabandeh", body!["data"]!["county"]!["nameEn"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_POST_without_content_type_is_415_and_other_types_too()
    {
        var (status, _, body) = await SendAsync(Post("""{"query":"{ provinces { totalCount } }"}""", contentType: null));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
        Assert.Equal("UNSUPPORTED_MEDIA_TYPE", Code(body));
        (status, _, _) = await SendAsync(Post("{ provinces { totalCount } }", contentType: "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
    }

    [Fact]
    public async Task An_Accept_header_that_allows_no_JSON_is_406()
    {
        var (status, _, _) = await SendAsync(Post("""{"query":"{ provinces { totalCount } }"}""", accept: "text/csv"));
        Assert.Equal(HttpStatusCode.NotAcceptable, status);
    }

    [Fact]
    public async Task No_Accept_header_is_treated_as_application_json()
    {
        var (status, mediaType, _) = await SendAsync(Post("""{"query":"{ nope }"}""", accept: null));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/json", mediaType);
    }

    [Fact]
    public async Task A_browser_opening_graphql_is_sent_to_the_IDE()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.Accept.ParseAdd("text/html");
        var response = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/graphql/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Health_endpoints_answer_anonymously()
    {
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync("/health/live")).StatusCode);
        var ready = await _http.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }
}
