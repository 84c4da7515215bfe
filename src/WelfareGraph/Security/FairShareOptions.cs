using System.ComponentModel.DataAnnotations;
using WelfareGraph.Configuration;

namespace WelfareGraph.Security;

/// <summary>
/// Fair sharing of this server's cores between callers (keys of the <c>GraphQL</c> section): how many operations
/// one caller may have running and waiting, and how many the whole process runs and holds waiting. Counted per
/// process, in memory: it protects this server's cores, whatever the other servers behind the balancer do.
/// </summary>
[SettingsSection("GraphQL")]
public sealed class FairShareOptions
{
    /// <summary>With <see cref="MaxConcurrentPerServer"/> 0, the server runs this many operations per core at once.</summary>
    public const int OperationsPerCore = 4;

    /// <summary>Operations of one caller running at once (a dashboard refresh sends a few in parallel).</summary>
    [Range(1, int.MaxValue)]
    public int MaxConcurrentPerCaller { get; set; } = 4;

    /// <summary>Operations of one caller waiting for one of its running slots; past them, 503 <c>SERVER_BUSY</c>.</summary>
    [Range(0, int.MaxValue)]
    public int MaxQueuedPerCaller { get; set; } = 8;

    /// <summary>Operations running at once in this process; 0: <see cref="OperationsPerCore"/> × the processor count.</summary>
    [Range(0, int.MaxValue)]
    public int MaxConcurrentPerServer { get; set; }

    /// <summary>Operations (each already within its caller's share) waiting for a server slot; past them, 503 <c>SERVER_BUSY</c>.</summary>
    [Range(0, int.MaxValue)]
    public int MaxQueuedPerServer { get; set; } = 32;

    /// <summary>The <c>Retry-After</c> of a refusal.</summary>
    [Range(typeof(TimeSpan), Durations.Positive, Durations.Longest)]
    public TimeSpan BusyRetryAfter { get; set; } = TimeSpan.FromSeconds(1);

    public int ServerConcurrency => MaxConcurrentPerServer > 0 ? MaxConcurrentPerServer : OperationsPerCore * Environment.ProcessorCount;
}
