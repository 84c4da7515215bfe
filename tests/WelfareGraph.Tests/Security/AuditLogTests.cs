using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WelfareGraph.Security;
using WelfareGraph.Tests.Infrastructure;

namespace WelfareGraph.Tests.Security;

/// <summary>Every log line the server writes, formatted as a log sink would store it.</summary>
public sealed class LogCapture : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Lines);

    public void Dispose() { }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(
            LogLevel logLevel,
            EventId eventId,
            TState state,
            Exception? exception,
            Func<TState, Exception?, string> formatter
        )
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join(' ', pairs.Select(p => $"{p.Key}={p.Value}"))
                : "";
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {values} {exception}");
        }
    }
}

public sealed class AuditedServer : SecuredServer
{
    public LogCapture Logs { get; } = new();

    protected override Task<WelfareGraphFactory> CreateAsync() =>
        Task.FromResult(
            new WelfareGraphFactory(environment: "Production", identity: Identity)
            {
                TestServices = services => services.AddSingleton<ILoggerProvider>(Logs),
            }
        );
}

/// <summary>Who ran what, when, in which scope, and how many rows came back: in the table and in the log.</summary>
public sealed class AuditLogTests(AuditedServer server) : IClassFixture<AuditedServer>
{
    private const string Read =
        "{ auditLog(first: 20) { totalCount nodes { at subject client roles "
        + "scope kind operation document fields rows outcome durationMs } } }";

    private async Task<JsonArray> EntriesAsync() =>
        (await server.DataAsync(server.Token(WelfareRoles.Admin, subject: "reader"), Read))["auditLog"]!["nodes"]!.AsArray();

    [Fact]
    public async Task An_operation_is_recorded_with_caller_scope_document_and_rows()
    {
        var token = server.Identity.Token([WelfareRoles.Auditor], new[] { "IR-19-01", "IR-19-02" }, subject: "auditor-7");
        var data = await server.DataAsync(token, "query ThreeRows { contributions(first: 3) { nodes { amountRial } } }");
        Assert.Equal(3, data["contributions"]!["nodes"]!.AsArray().Count);

        var entry = (await EntriesAsync()).First(e => e!["subject"]!.GetValue<string>() == "auditor-7")!;
        Assert.Equal("client-app", entry["client"]!.GetValue<string>());
        Assert.Equal([WelfareRoles.Auditor], entry["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal("IR-19-01 IR-19-02", entry["scope"]!.GetValue<string>());
        Assert.Equal("query", entry["kind"]!.GetValue<string>());
        Assert.Equal("ThreeRows", entry["operation"]!.GetValue<string>());
        Assert.StartsWith("sha256:", entry["document"]!.GetValue<string>());
        Assert.Equal(["contributions"], entry["fields"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Equal(3, entry["rows"]!.GetValue<int>());
        Assert.Equal("ok", entry["outcome"]!.GetValue<string>());
        Assert.True(DateTime.UtcNow - entry["at"]!.GetValue<DateTime>().ToUniversalTime() < TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task Denied_and_trusted_operations_are_recorded_as_such()
    {
        await server.PostAsync(server.Token(WelfareRoles.Analyst, subject: "analyst-3"), "{ households(first: 1) { totalCount } }");
        using var client = TestIdentity.Authorize(
            server.Factory.CreateClient(),
            server.Token(WelfareRoles.Analyst, subject: "dashboard-1")
        );
        var response = await client.PostAsync(
            "/graphql",
            new StringContent(
                """{"id":"ParticipationStatement","variables":{"province":"IR-19","period":{"year":1404,"fromMonth":1,"toMonth":9}}}""",
                System.Text.Encoding.UTF8,
                "application/json"
            )
        );
        response.EnsureSuccessStatusCode();

        var entries = await EntriesAsync();
        var denied = entries.First(e => e!["subject"]!.GetValue<string>() == "analyst-3")!;
        Assert.Equal("errors: AUTH_NOT_AUTHORIZED", denied["outcome"]!.GetValue<string>());
        var trusted = entries.First(e => e!["subject"]!.GetValue<string>() == "dashboard-1")!;
        Assert.Equal("ParticipationStatement", trusted["document"]!.GetValue<string>());
        Assert.Equal("ParticipationStatement", trusted["operation"]!.GetValue<string>());
    }

    [Fact]
    public async Task Only_national_auditors_and_admins_read_the_log()
    {
        var (_, analyst) = await server.PostAsync(server.Token(WelfareRoles.Analyst), Read);
        Assert.Equal(RootFieldAuthorization.NotAuthorized, SecuredServer.FirstCode(analyst));
        // Everyone's activity is in it: a provincial auditor reads none of it.
        var provincial = await server.DataAsync(server.Token(WelfareRoles.Auditor, "IR-19"), Read);
        Assert.Equal(0, provincial["auditLog"]!["totalCount"]!.GetValue<int>());
        Assert.NotEmpty(await EntriesAsync());
    }

    [Fact]
    public async Task The_structured_log_has_the_record_and_never_household_values_or_tokens()
    {
        var token = server.Identity.Token([WelfareRoles.Auditor], ScopeClaim.National, subject: "auditor-logs");
        var households = await server.DataAsync(token, "{ households(first: 20) { nodes { id members coveredSince } } }");
        var pseudonyms = households["households"]!["nodes"]!.AsArray().Select(h => h!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(20, pseudonyms.Count);

        // A refused document ran nothing: it is in the log, not in the table.
        await server.PostAsync(token, "{ households(first: 20) { nodes { noSuchField } } }");

        var lines = server.Logs.Lines.ToList();
        Assert.Contains(
            lines,
            l =>
                l.Contains("Audit:", StringComparison.Ordinal)
                && l.Contains("auditor-logs", StringComparison.Ordinal)
                && l.Contains("households", StringComparison.Ordinal)
                && l.Contains("Rows=20", StringComparison.Ordinal)
        );
        Assert.Contains(
            lines,
            l =>
                l.Contains("Refused:", StringComparison.Ordinal)
                && l.Contains("auditor-logs", StringComparison.Ordinal)
                && l.Contains("FIELDS_ON_CORRECT_TYPE", StringComparison.Ordinal)
        );
        foreach (var line in lines)
        {
            Assert.DoesNotContain(token, line, StringComparison.Ordinal);
            Assert.DoesNotContain(token.Split('.')[2], line, StringComparison.Ordinal); // not even the signature
            Assert.All(pseudonyms, p => Assert.DoesNotContain(p, line, StringComparison.Ordinal));
        }
    }
}
