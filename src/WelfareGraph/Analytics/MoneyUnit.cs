namespace WelfareGraph.Analytics;

public enum MoneyUnit
{
    Rial = 1,

    /// <summary>1 toman = 10 rial; the unit provinces publish in.</summary>
    Toman = 10,
}

public static class MoneyUnitExtensions
{
    /// <summary>Sums stay in rial as 64-bit integers until here, the edge, where they become decimals.</summary>
    public static decimal FromRial(this MoneyUnit unit, long rial) => (decimal)rial / (int)unit;
}
