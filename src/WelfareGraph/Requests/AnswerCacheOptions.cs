using System.ComponentModel.DataAnnotations;
using WelfareGraph.Configuration;

namespace WelfareGraph.Requests;

/// <summary>The <c>Cache</c> section of appsettings.json: the shared cache of analytics answers.</summary>
[SettingsSection("Cache")]
public sealed class AnswerCacheOptions
{
    /// <summary>Off: every analytics answer is computed by the database.</summary>
    public bool Enabled { get; set; } = true;

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
