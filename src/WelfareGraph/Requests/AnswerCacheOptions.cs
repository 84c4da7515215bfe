using System.ComponentModel.DataAnnotations;
using WelfareGraph.Configuration;

namespace WelfareGraph.Requests;

/// <summary>The <c>Cache</c> section of appsettings.json: the shared cache of analytics answers.</summary>
[SettingsSection("Cache")]
public sealed class AnswerCacheOptions
{
    /// <summary>
    /// On: aggregates are answered from the cache while the data version stands. Off (the default, for a single
    /// server and for tools that write to the database behind the server's back): every answer is computed.
    /// Writes that bypass the server's mutations and import command do not move the data version, so turn it on
    /// only where all writes go through them.
    /// </summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// How long an answer is kept. Correctness does not depend on it — the data version is part of the key, so
    /// a write makes the next request miss — it only bounds the memory old versions' answers hold.
    /// </summary>
    [Range(typeof(TimeSpan), Durations.Positive, Durations.Longest)]
    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The most a request waits for Redis before it goes on without it (the answer comes from memory or the database).</summary>
    [Range(typeof(TimeSpan), Durations.Positive, Durations.Longest)]
    public TimeSpan RedisTimeout { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Prefix of every key in Redis, so several deployments can share one Redis.</summary>
    [Required(AllowEmptyStrings = false)]
    [MaxLength(100)]
    public string KeyPrefix { get; set; } = "welfaregraph:";

    /// <summary>Answers larger than this (serialized) are not cached: a cache is for dashboards, not for exports.</summary>
    [Range(1, int.MaxValue)]
    public int MaxAnswerBytes { get; set; } = 1_000_000;
}
