namespace WelfareGraph.Security;

/// <summary>
/// Arithmetic on counts that stops at <see cref="long.MaxValue"/>: a hostile document's figures may be astronomically large, never
/// negative.
/// </summary>
public static class Saturating
{
    public static long Add(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;

    public static long Multiply(long a, long b) =>
        a == 0 || b == 0 ? 0
        : a > long.MaxValue / b ? long.MaxValue
        : a * b;
}
