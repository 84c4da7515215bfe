using System.Text.Json.Nodes;
using CsCheck;
using WelfareGraph.Security;
using WelfareGraph.Tests.Http.Generated;
using WelfareGraph.Tests.Infrastructure;
using WelfareGraph.Tests.Security;
using Xunit.Abstractions;

namespace WelfareGraph.Tests.Http;

/// <summary>The demo data behind Entra ID (Production), with a rate limit high enough for hundreds of requests from one caller.</summary>
public sealed class GeneratedRequestServer : SecuredServer
{
    private readonly Dictionary<Caller, string?> _tokens = [];

    protected override Task<WelfareGraphFactory> CreateAsync() =>
        Task.FromResult(
            new WelfareGraphFactory(
                new Dictionary<string, string?> { ["GraphQL:RateLimit:PermitLimit"] = "100000" },
                "Production",
                Identity
            )
        );

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _tokens[Caller.Analyst] = Token(WelfareRoles.Analyst);
        _tokens[Caller.Auditor] = Token(WelfareRoles.Auditor);
        _tokens[Caller.CountyAnalyst] = Identity.Token([WelfareRoles.Analyst], "IR-19-03", subject: "county-analyst");
        _tokens[Caller.Anonymous] = null;
        _tokens[Caller.WithoutReadScope] = Identity.Token(
            [WelfareRoles.Analyst],
            ScopeClaim.National,
            scp: "Other.Read",
            subject: "no-read-scope"
        );
    }

    public string? TokenFor(Caller caller) => _tokens[caller];
}

/// <summary>
/// Generated GraphQL documents, variables and HTTP requests against the real server: every answer stays inside the
/// GraphQL over HTTP contract (never a 5xx), valid requests execute, read-only requests that do not depend on the
/// clock answer the same twice, and at least a third of all requests execute (so refusals alone cannot pass).
/// The run is reproducible: a fixed seed, overridable with WELFAREGRAPH_PROPERTY_SEED; a failure is shrunk by
/// CsCheck from the failing request's own seed and reported with the smallest failing request and its seed.
/// </summary>
public sealed class GeneratedRequestTests(GeneratedRequestServer server, ITestOutputHelper output) : IClassFixture<GeneratedRequestServer>
{
    private static readonly string DefaultSeed = new PCG(19, 14040930).ToString();
    private const int DefaultRequests = 400;
    private const int ShrinkAttempts = 300;

    private readonly HttpClient _http = server.Factory.CreateClient(new() { AllowAutoRedirect = false });

    [Fact]
    public async Task Every_generated_request_is_answered_within_the_GraphQL_over_HTTP_contract()
    {
        var seed = Environment.GetEnvironmentVariable("WELFAREGRAPH_PROPERTY_SEED") is { Length: > 0 } chosen ? chosen : DefaultSeed;
        var requests = int.TryParse(Environment.GetEnvironmentVariable("WELFAREGRAPH_PROPERTY_REQUESTS"), out var n) ? n : DefaultRequests;
        var outcomes = new List<(string Kind, bool Executed)>();
        var pcg = PCG.Parse(seed);
        for (var i = 0; i < requests; i++)
        {
            var iterationSeed = pcg.ToString();
            var request = RequestGenerator.Any.Generate(pcg, null, out _);
            try
            {
                outcomes.Add((request.Kind, await HoldsAsync(request)));
            }
            catch (Exception first)
            {
                output.WriteLine($"Request {i} (seed {iterationSeed}) failed: {request}\n{first.Message}\nShrinking…");
                // CsCheck replays this seed first, then searches for smaller failing requests, and throws with the smallest and its seed.
                try
                {
                    await Check.SampleAsync(
                        RequestGenerator.Any,
                        async r => await HoldsAsync(r),
                        seed: iterationSeed,
                        iter: ShrinkAttempts,
                        threads: 1
                    );
                }
                catch (CsCheckException shrunk)
                {
                    throw new ContractViolation(
                        $"{shrunk.Message}\n{shrunk.InnerException?.Message}\n\nFirst failure, "
                            + $"request {i} (seed {iterationSeed}): {request}\n{first.Message}"
                    );
                }
                throw;
            }
        }

        var executed = outcomes.Count(o => o.Executed);
        output.WriteLine(
            $"Seed {seed}: {requests} requests, {executed} executed with data and no errors ({(double)executed / requests:P1})."
        );
        foreach (var group in outcomes.GroupBy(o => o.Kind.Split(':', ' ')[0]).OrderByDescending(g => g.Count()))
            output.WriteLine(
                $"  {group.Key.PadRight(12)} {group.Count().ToString().PadLeft(4)} "
                    + $"requests, {group.Count(o => o.Executed).ToString().PadLeft(4)} executed"
            );
        Assert.True(
            executed * 3 >= requests,
            $"Only {executed} of {requests} generated requests executed; the generator must keep at least a third valid."
        );
    }

    /// <summary>The properties of one request; returns whether it executed.</summary>
    private async Task<bool> HoldsAsync(GeneratedRequest request)
    {
        var answer = await SendAsync(request);
        var executed = ResponseContract.Check(request, answer);
        if (request.ExpectExecuted && !executed)
            throw new ContractViolation($"A valid request did not execute with data and no errors.\nAnswer: {answer}");
        if (executed && request.Invariant?.Invoke(System.Text.Json.Nodes.JsonNode.Parse(answer.Body)!) is { } broken)
            throw new ContractViolation($"An executed answer broke its invariant: {broken}.\nAnswer: {answer}");
        if (request.Repeatable)
        {
            var again = await SendAsync(request);
            if (again.Status != answer.Status || again.ContentType != answer.ContentType || !SameJson(again.Body, answer.Body))
                throw new ContractViolation(
                    $"A read-only request independent of the clock answered differently the second time.\nFirst: {answer}\nSecond: {again}"
                );
        }
        return executed;
    }

    private async Task<ReceivedResponse> SendAsync(GeneratedRequest request)
    {
        using var message = request.ToHttp(server.TokenFor);
        using var response = await _http.SendAsync(message);
        return await ReceivedResponse.ReadAsync(response);
    }

    private static bool SameJson(string a, string b)
    {
        try
        {
            return JsonNode.DeepEquals(JsonNode.Parse(a), JsonNode.Parse(b));
        }
        catch (System.Text.Json.JsonException)
        {
            return a == b;
        }
    }
}
