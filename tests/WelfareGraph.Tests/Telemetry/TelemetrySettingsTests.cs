using WelfareGraph.Configuration;
using WelfareGraph.Exports;
using WelfareGraph.Exports.Jobs;
using WelfareGraph.Security;
using WelfareGraph.Telemetry;

namespace WelfareGraph.Tests.Telemetry;

/// <summary>Settings of telemetry and of the job leases that a server must refuse to start with.</summary>
public sealed class TelemetrySettingsTests
{
    [Theory]
    [InlineData("collector:4317")]
    [InlineData("/v1/traces")]
    public void An_otlp_endpoint_that_is_not_an_http_url_is_refused(string endpoint)
    {
        var result = new SettingsValidation<TelemetryOptions>("OpenTelemetry").Validate(null, new TelemetryOptions { Endpoint = endpoint });
        Assert.Equal([$"OpenTelemetry:Endpoint must be empty or an absolute http or https URL; it is '{endpoint}'."], result.Failures);
    }

    [Theory]
    [InlineData("")]
    [InlineData("http://collector:4317")]
    [InlineData("https://collector.example:4318")]
    public void Empty_or_an_http_url_is_an_otlp_endpoint(string endpoint) =>
        Assert.True(
            new SettingsValidation<TelemetryOptions>("OpenTelemetry").Validate(null, new TelemetryOptions { Endpoint = endpoint }).Succeeded
        );

    [Fact]
    public async Task A_heartbeat_no_shorter_than_the_lease_stops_the_start()
    {
        var options = new ExportOptions { JobHeartbeat = TimeSpan.FromSeconds(30), JobLease = TimeSpan.FromSeconds(30) };
        var leases = new ExportJobLeases(
            null!,
            options,
            TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<ExportJobLeases>.Instance
        );
        var error = await Assert.ThrowsAsync<StartupRefusedException>(() => leases.StartAsync(CancellationToken.None));
        Assert.Contains("Exports:JobHeartbeat", error.Message, StringComparison.Ordinal);
        Assert.Contains("Exports:JobLease", error.Message, StringComparison.Ordinal);
    }
}
