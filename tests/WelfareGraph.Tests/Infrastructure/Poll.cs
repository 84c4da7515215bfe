namespace WelfareGraph.Tests.Infrastructure;

/// <summary>Waiting for a condition another process brings about (a replica's replay, a server's health), with a deadline.</summary>
public static class Poll
{
    /// <summary>
    /// Repeats <paramref name="attempt"/> every <paramref name="intervalMs"/> until <paramref name="done"/> holds,
    /// failing once <paramref name="patience"/> has passed.
    /// </summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> attempt, Func<T, bool> done, TimeSpan patience, int intervalMs = 50)
    {
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            var result = await attempt();
            if (done(result))
                return result;
            if (DateTime.UtcNow > deadline)
                throw new Xunit.Sdk.XunitException($"Still not there after {patience}: {result}");
            await Task.Delay(intervalMs); // a polling interval: the loop ends on the condition, not on the wait
        }
    }
}
