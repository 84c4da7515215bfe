namespace WelfareGraph.Configuration;

/// <summary>Bounds for <c>[Range(typeof(TimeSpan), ...)]</c> on durations in appsettings.json.</summary>
public static class Durations
{
    /// <summary>The shortest positive duration a setting may have: a millisecond.</summary>
    public const string Positive = "00:00:00.001";

    /// <summary>The longest a timer or a cancellation accepts (<see cref="int.MaxValue"/> milliseconds).</summary>
    public const string Longest = "24.20:31:23.647";
}
