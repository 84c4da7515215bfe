using System.Diagnostics;

namespace WelfareGraph.Telemetry;

/// <summary>The names under which the server reports what it does: one activity source for its spans, one meter for its metrics.</summary>
public static class WelfareTelemetry
{
    public const string SourceName = "WelfareGraph";
    public const string MeterName = "WelfareGraph";

    /// <summary>
    /// The spans of the server's own work (one per GraphQL operation); the framework's and the database's come from their instrumentation.
    /// </summary>
    public static readonly ActivitySource Source = new(SourceName);
}
