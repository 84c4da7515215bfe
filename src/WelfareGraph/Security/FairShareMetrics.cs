using System.Diagnostics.Metrics;

namespace WelfareGraph.Security;

/// <summary>
/// Fair sharing as operators see it: refusals by limit, and requests whose caller hung up while they waited
/// (a flood of those means clients time out before the queue moves).
/// </summary>
public sealed class FairShareMetrics
{
    public const string MeterName = "WelfareGraph.FairShare";

    private readonly Counter<long> _refused;
    private readonly Counter<long> _abandoned;

    public FairShareMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _refused = meter.CreateCounter<long>(
            "welfaregraph.fair_share.refused",
            description: "Requests answered 503 SERVER_BUSY, by the limit that refused them."
        );
        _abandoned = meter.CreateCounter<long>(
            "welfaregraph.fair_share.abandoned",
            description: "Requests whose caller disconnected while they waited for a slot."
        );
    }

    public void Refused(FairShareLimit limit) => _refused.Add(1, new KeyValuePair<string, object?>("limit", LimitName(limit)));

    public void Abandoned() => _abandoned.Add(1);

    private static string LimitName(FairShareLimit limit) => limit == FairShareLimit.Caller ? "caller" : "server";
}
