using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using WelfareGraph.Security;
using WelfareGraph.Tests.Infrastructure;

namespace WelfareGraph.Tests.Security;

/// <summary>
/// The demo data behind Entra ID with small fair-share limits — two running and one queued per caller, four running
/// and one queued on the server — and the <see cref="CallerGate"/>, which holds a caller's database commands.
/// </summary>
public sealed class FairShareServer : SecuredServer
{
    public CallerGate Gate { get; } = new();

    protected override Task<WelfareGraphFactory> CreateAsync() =>
        Task.FromResult(
            new WelfareGraphFactory(
                new Dictionary<string, string?>
                {
                    ["GraphQL:MaxConcurrentPerCaller"] = "2",
                    ["GraphQL:MaxQueuedPerCaller"] = "1",
                    ["GraphQL:MaxConcurrentPerServer"] = "4",
                    ["GraphQL:MaxQueuedPerServer"] = "1",
                    ["GraphQL:BusyRetryAfter"] = "00:00:03",
                    ["GraphQL:RateLimit:PermitLimit"] = "100000",
                },
                "Production",
                Identity
            )
            {
                TestServices = services =>
                {
                    services.AddHttpContextAccessor();
                    services.AddSingleton<IInterceptor>(Gate);
                },
            }
        );

    /// <summary>Posts a query; the response is read whole, so the server's slots are free once this completes.</summary>
    public async Task<Answer> SendAsync(
        string token,
        string query,
        string accept = "application/json",
        CancellationToken cancellationToken = default
    )
    {
        using var client = TestIdentity.Authorize(Factory.CreateClient(), token);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse(accept));
        return await Answer.ReadAsync(await client.SendAsync(request, cancellationToken));
    }

    public async Task<Answer> GetAsync(string token, string path)
    {
        using var client = TestIdentity.Authorize(Factory.CreateClient(), token);
        return await Answer.ReadAsync(await client.GetAsync(path));
    }
}

public sealed record Answer(HttpStatusCode Status, string? MediaType, string? RetryAfter, JsonNode? Body)
{
    public static async Task<Answer> ReadAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            var retryAfter = response.Headers.TryGetValues("Retry-After", out var values) ? values.Single() : null;
            return new Answer(
                response.StatusCode,
                response.Content.Headers.ContentType?.MediaType,
                retryAfter,
                text.Length == 0 ? null : JsonNode.Parse(text)
            );
        }
    }

    public string? Code => SecuredServer.FirstCode(Body);
}

public sealed class FairShareTests(FairShareServer server) : IClassFixture<FairShareServer>
{
    /// <summary>One root field, one SQL command: each request the gate holds is one command waiting.</summary>
    private const string Heavy = "{ centers(first: 5) { nodes { code } } }";

    private const string Dashboard = """
        { participationReport(province: "IR-19", period: { year: 1404, fromMonth: 1, toMonth: 9 }) {
            government { cash inKind volunteerServices } charities total households { covered allHouseholds } } }
        """;

    [Fact]
    public async Task While_a_hostile_caller_is_held_another_callers_dashboard_queries_complete_and_the_hostile_caller_gets_SERVER_BUSY()
    {
        var hostile = server.Token(WelfareRoles.Analyst, subject: "hostile");
        var held = server.Gate.Hold("hostile");
        var running = new[] { server.SendAsync(hostile, Heavy), server.SendAsync(hostile, Heavy) };
        await held.WaitingAsync(2);

        // Its share is full: of two more, one waits in its queue and the other is refused at once.
        var more = new[]
        {
            server.SendAsync(hostile, Heavy, "application/graphql-response+json"),
            server.SendAsync(hostile, Heavy, "application/graphql-response+json"),
        };
        var refusedTask = await Task.WhenAny(more);
        var refused = await refusedTask;
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.Status);
        Assert.Equal("SERVER_BUSY", refused.Code);
        Assert.Equal("3", refused.RetryAfter);
        Assert.Equal("application/graphql-response+json", refused.MediaType);
        Assert.Contains(
            "This caller already has 2 operations running and 1 waiting",
            refused.Body!["errors"]![0]!["message"]!.GetValue<string>()
        );

        // The other edges count against the same share: the OData feed, an export and the Power BI model are refused too, in JSON.
        foreach (var path in new[] { "/odata/Provinces", "/exports/TotalsByCounty.csv", "/exports/powerbi/model.zip" })
        {
            var edge = await server.GetAsync(hostile, path);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, edge.Status);
            Assert.Equal("SERVER_BUSY", edge.Code);
            Assert.Equal("application/json", edge.MediaType);
            Assert.NotNull(edge.RetryAfter);
        }

        // Meanwhile another caller's dashboard runs, two queries at a time, with the figures Zanjan published.
        var analyst = server.Token(WelfareRoles.Analyst, subject: "dashboard");
        for (var round = 0; round < 3; round++)
        {
            foreach (var answer in await Task.WhenAll(server.SendAsync(analyst, Dashboard), server.SendAsync(analyst, Dashboard)))
            {
                Assert.Equal(HttpStatusCode.OK, answer.Status);
                var report = answer.Body!["data"]!["participationReport"]!;
                Assert.Equal(5_300_000_000m, report["government"]!["cash"]!.GetValue<decimal>());
                Assert.Equal(33_600_000_000m, report["government"]!["inKind"]!.GetValue<decimal>());
                Assert.Equal(1_150_000_000m, report["government"]!["volunteerServices"]!.GetValue<decimal>());
                Assert.Equal(16_000_000_000m, report["charities"]!.GetValue<decimal>());
                Assert.Equal(56_050_000_000m, report["total"]!.GetValue<decimal>());
                Assert.Equal(30_606, report["households"]!["covered"]!.GetValue<int>());
            }
        }
        Assert.All(running, r => Assert.False(r.IsCompleted));

        held.Release();
        foreach (var answer in await Task.WhenAll([.. running, more.Single(m => m != refusedTask)]))
        {
            Assert.Equal(HttpStatusCode.OK, answer.Status);
            Assert.Equal(5, answer.Body!["data"]!["centers"]!["nodes"]!.AsArray().Count);
        }
    }

    [Fact]
    public async Task The_server_limit_queues_then_answers_SERVER_BUSY_when_its_slots_and_queue_are_taken()
    {
        var first = server.Gate.Hold("busy-1");
        var second = server.Gate.Hold("busy-2");
        var (one, two) = (server.Token(WelfareRoles.Analyst, subject: "busy-1"), server.Token(WelfareRoles.Analyst, subject: "busy-2"));
        var running = new[]
        {
            server.SendAsync(one, Heavy),
            server.SendAsync(one, Heavy),
            server.SendAsync(two, Heavy),
            server.SendAsync(two, Heavy),
        };
        await Task.WhenAll(first.WaitingAsync(2), second.WaitingAsync(2));

        // A third caller within its own share: the server's four slots are taken, so one waits and one is refused.
        var third = server.Token(WelfareRoles.Analyst, subject: "busy-3");
        var more = new[] { server.SendAsync(third, Heavy), server.SendAsync(third, Heavy) };
        var refusedTask = await Task.WhenAny(more);
        var refused = await refusedTask;
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.Status);
        Assert.Equal("SERVER_BUSY", refused.Code);
        Assert.Equal("application/json", refused.MediaType);
        Assert.Equal("3", refused.RetryAfter);
        Assert.StartsWith(
            "The server is busy: 4 operations are running and 1 waiting",
            refused.Body!["errors"]![0]!["message"]!.GetValue<string>()
        );

        first.Release();
        second.Release();
        foreach (var answer in await Task.WhenAll([.. running, more.Single(m => m != refusedTask)]))
            Assert.Equal(HttpStatusCode.OK, answer.Status);
    }

    [Fact]
    public async Task A_queued_request_whose_caller_disconnects_leaves_the_queue()
    {
        var held = server.Gate.Hold("leaver");
        var leaver = server.Token(WelfareRoles.Analyst, subject: "leaver");
        var running = new[] { server.SendAsync(leaver, Heavy), server.SendAsync(leaver, Heavy) };
        await held.WaitingAsync(2);

        using var abandoned = new AbandonedSignal(server.Factory.Services.GetRequiredService<IMeterFactory>());
        using var hangUpFirst = new CancellationTokenSource();
        using var hangUpSecond = new CancellationTokenSource();
        var hangUps = new[] { hangUpFirst, hangUpSecond };
        var more = hangUps.Select(h => server.SendAsync(leaver, Heavy, cancellationToken: h.Token)).ToArray();
        var refusedTask = await Task.WhenAny(more);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await refusedTask).Status);

        // The queued one hangs up; the server sees it leave the queue.
        var queued = Array.IndexOf(more, more.Single(m => m != refusedTask));
        await hangUps[queued].CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => more[queued]);
        await abandoned.Seen;

        // Its place is free again: of two more, one is queued (and answered once the held ones finish), one refused.
        var again = new[] { server.SendAsync(leaver, Heavy), server.SendAsync(leaver, Heavy) };
        var refusedAgain = await Task.WhenAny(again);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await refusedAgain).Status);
        held.Release();
        foreach (var answer in await Task.WhenAll([.. running, again.Single(m => m != refusedAgain)]))
            Assert.Equal(HttpStatusCode.OK, answer.Status);
    }

    /// <summary>Completes when this server's fair share records a request whose caller left while it waited.</summary>
    private sealed class AbandonedSignal : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly TaskCompletionSource _seen = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public AbandonedSignal(IMeterFactory serverMeters)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Scope == serverMeters && instrument.Name == "welfaregraph.fair_share.abandoned")
                    listener.EnableMeasurementEvents(instrument);
            };
            _listener.SetMeasurementEventCallback<long>((_, _, _, _) => _seen.TrySetResult());
            _listener.Start();
        }

        public Task Seen => _seen.Task;

        public void Dispose() => _listener.Dispose();
    }
}
