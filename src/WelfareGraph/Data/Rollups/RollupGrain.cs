namespace WelfareGraph.Data.Rollups;

/// <summary>
/// One rollup table: which of a <see cref="MonthlyCell"/>'s keys its cells keep (a leading part of them), and
/// the finer table its changed cells are recomputed from. Finer grains come first in <see cref="All"/>: within a
/// writer's transaction a coarser cell is recomputed from finer cells already brought up to date.
/// </summary>
public sealed class RollupGrain
{
    private static readonly string[] CellKeys = ["solar_year", "solar_month", "county_id", "type", "sector", "intent", "channel"];

    /// <summary><c>contributions_monthly</c>: every key; recomputed from the facts.</summary>
    public static readonly RollupGrain Monthly = new("contributions_monthly", CellKeys.Length, finer: null, of: c => c);

    /// <summary><c>contributions_county_monthly</c>: year, month, county and type; recomputed from the monthly cells.</summary>
    public static readonly RollupGrain County = new(
        "contributions_county_monthly",
        4,
        finer: Monthly,
        of: c => c with { Sector = default, Intent = default, Channel = default }
    );

    public static readonly IReadOnlyList<RollupGrain> All = [Monthly, County];

    private readonly Func<MonthlyCell, MonthlyCell> _of;

    private RollupGrain(string table, int keys, RollupGrain? finer, Func<MonthlyCell, MonthlyCell> of) =>
        (Table, KeyColumns, Finer, _of) = (table, CellKeys[..keys], finer, of);

    public string Table { get; }

    /// <summary>The columns of the cell's key, in the key's order.</summary>
    public IReadOnlyList<string> KeyColumns { get; }

    /// <summary>The table this one sums (null: the facts).</summary>
    public RollupGrain? Finer { get; }

    /// <summary>The cell of this grain that <paramref name="cell"/> falls in: the keys it does not keep are zero.</summary>
    public MonthlyCell Of(MonthlyCell cell) => _of(cell);

    /// <summary>The values of the cell's key, in the order of <see cref="KeyColumns"/>.</summary>
    public long[] KeyOf(MonthlyCell c) =>
        new long[] { c.SolarYear, c.SolarMonth, c.CountyId, (int)c.Type, (int)c.Sector, (int)c.Intent, (int)c.Channel }[..KeyColumns.Count];
}
