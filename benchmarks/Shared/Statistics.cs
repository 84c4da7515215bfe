namespace WelfareGraph.Benchmarks;

/// <summary>Summaries of timed runs, shared by the benchmark programs (linked into each).</summary>
public static class Statistics
{
    public static double Median(IReadOnlyCollection<double> values) => Quantile(values, 0.5);

    /// <summary>Linear interpolation between the closest ranks: the median of an even count is the mean of the middle two.</summary>
    public static double Quantile(IReadOnlyCollection<double> values, double q)
    {
        var sorted = values.Order().ToList();
        var position = q * (sorted.Count - 1);
        var below = (int)Math.Floor(position);
        return below + 1 < sorted.Count ? sorted[below] + (position - below) * (sorted[below + 1] - sorted[below]) : sorted[below];
    }
}
