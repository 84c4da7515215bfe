namespace WelfareGraph.Data.Generation;

internal static class Allocation
{
    /// <summary>
    /// Splits <paramref name="total"/> into parts proportional to <paramref name="weights"/>, in whole
    /// multiples of <paramref name="grain"/> where the total allows, each part at least one grain and the
    /// parts adding up to the total exactly (largest remainder method; the last part takes what is left).
    /// </summary>
    public static long[] Split(long total, double[] weights, long grain)
    {
        if (weights.Length == 0)
            throw new ArgumentException("No parts to split into.", nameof(weights));
        var grains = total / grain;
        var remainder = total - grains * grain;
        if (grains < weights.Length)
            throw new ArgumentException($"{total} is too small to split into {weights.Length} parts of at least {grain}.");

        var free = grains - weights.Length; // every part gets one grain first
        var sum = weights.Sum();
        var parts = new long[weights.Length];
        var fractions = new double[weights.Length];
        long given = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            var exact = free * weights[i] / sum;
            parts[i] = (long)Math.Floor(exact);
            fractions[i] = exact - parts[i];
            given += parts[i];
        }
        foreach (var i in Enumerable.Range(0, weights.Length).OrderByDescending(i => fractions[i]).Take((int)(free - given)))
            parts[i]++;
        for (var i = 0; i < parts.Length; i++)
            parts[i] = (parts[i] + 1) * grain;
        parts[^1] += remainder;
        return parts;
    }

    public static double[] Jittered(Random random, int count, double spread = 0.5) =>
        Enumerable.Range(0, count).Select(_ => 1 - spread / 2 + random.NextDouble() * spread).ToArray();
}
