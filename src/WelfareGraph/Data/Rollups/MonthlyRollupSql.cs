using System.Globalization;
using WelfareGraph.Periods;

namespace WelfareGraph.Data.Rollups;

/// <summary>
/// The statements that keep one rollup table (<see cref="RollupGrain"/>) equal to the facts, in each provider's SQL.
/// Keys and measures are written as integer literals (they are numbers from the writer's own rows, never text), so a
/// batch of cells is one statement whatever the provider's parameter limit.
/// </summary>
public sealed class MonthlyRollupSql
{
    private const string Totals = "solar_quarter, sum_rial, row_count, min_rial, max_rial";

    private readonly DatabaseProvider _provider;
    private readonly RollupGrain _grain;
    private readonly string _keys;
    private readonly string _columns;

    private MonthlyRollupSql(DatabaseProvider provider, RollupGrain grain)
    {
        (_provider, _grain) = (provider, grain);
        _keys = string.Join(", ", grain.KeyColumns);
        _columns = $"{_keys}, {Totals}";
    }

    public static MonthlyRollupSql For(WelfareDbContext db, RollupGrain? grain = null) =>
        For(
            db.Database.IsNpgsql() ? DatabaseProvider.Postgres
                : db.Database.IsSqlServer() ? DatabaseProvider.SqlServer
                : DatabaseProvider.Sqlite,
            grain
        );

    /// <summary>The statements of <paramref name="grain"/>'s table (the monthly rollup when null).</summary>
    public static MonthlyRollupSql For(DatabaseProvider provider, RollupGrain? grain = null) => new(provider, grain ?? RollupGrain.Monthly);

    /// <summary>
    /// Serialises the writers of contributions for the rest of their transaction: taken before a writer reads the rows
    /// it will change, so the values it removes from the rollups are the ones stored. SQLite has one writer already
    /// (a writer whose snapshot went stale is refused and retried), so it needs none.
    /// </summary>
    public string? Lock =>
        _provider switch
        {
            DatabaseProvider.Postgres => "SELECT pg_advisory_xact_lock(5720010376)",
            DatabaseProvider.SqlServer => "EXEC sp_getapplock @Resource = N'welfaregraph.contributions', "
                + "@LockMode = N'Exclusive', @LockOwner = N'Transaction', @LockTimeout = -1",
            _ => null,
        };

    /// <summary>Adds rows to cells: sums and counts grow, min and max widen; a missing cell is created.</summary>
    public string Add(IReadOnlyCollection<(MonthlyCell Cell, CellTotals Totals)> cells)
    {
        var rows = string.Join(", ", cells.Select(c => Row(c.Cell, c.Totals)));
        return _provider switch
        {
            DatabaseProvider.SqlServer => $"""
                MERGE {_grain.Table} WITH (HOLDLOCK) AS m
                USING (VALUES {rows}) AS d ({_columns})
                ON {Matching("m", "d", _keys)}
                WHEN MATCHED THEN UPDATE SET m.sum_rial = m.sum_rial + d.sum_rial, m.row_count = m.row_count + d.row_count,
                  m.min_rial = CASE WHEN d.min_rial < m.min_rial THEN d.min_rial ELSE m.min_rial END,
                  m.max_rial = CASE WHEN d.max_rial > m.max_rial THEN d.max_rial ELSE m.max_rial END
                WHEN NOT MATCHED THEN INSERT ({_columns}) VALUES ({Prefixed("d", _columns)});
                """,
            DatabaseProvider.Postgres => $"""
                INSERT INTO {_grain.Table} AS m ({_columns}) VALUES {rows}
                ON CONFLICT ({_keys}) DO UPDATE SET sum_rial = m.sum_rial + excluded.sum_rial, row_count = m.row_count + excluded.row_count,
                  min_rial = LEAST(m.min_rial, excluded.min_rial), max_rial = GREATEST(m.max_rial, excluded.max_rial)
                """,
            _ => $"""
                INSERT INTO {_grain.Table} ({_columns}) VALUES {rows}
                ON CONFLICT ({_keys}) DO UPDATE SET sum_rial = sum_rial + excluded.sum_rial, row_count = row_count + excluded.row_count,
                  min_rial = min(min_rial, excluded.min_rial), max_rial = max(max_rial, excluded.max_rial)
                """,
        };
    }

    /// <summary>
    /// Recomputes cells (two statements: delete, insert) from what the grain sums — the facts, or the finer rollup
    /// already brought up to date in the same transaction: for cells that lost a row, whose min or max may have left
    /// with it. A cell left without rows is gone.
    /// </summary>
    public IReadOnlyList<string> Recompute(IReadOnlyCollection<MonthlyCell> cells)
    {
        var named = Named(cells);
        return
        [
            $"{named} DELETE FROM {_grain.Table} WHERE EXISTS (SELECT 1 FROM cells AS v WHERE {Matching(_grain.Table, "v", _keys)})",
            $"{named} {Fill($"JOIN cells AS v ON {Matching("f", "v", _keys)}", null, _grain.Finer)}",
        ];
    }

    /// <summary>
    /// Fills the cells of one year (or of every year) from what the grain sums: the rebuild, after the cells are
    /// deleted and the finer rollup is rebuilt.
    /// </summary>
    public string Fill(int? solarYear) => Fill("", solarYear, _grain.Finer);

    /// <summary>Deletes the cells of one year (or every cell).</summary>
    public string Delete(int? solarYear) =>
        $"DELETE FROM {_grain.Table}" + (solarYear is { } year ? $" WHERE solar_year = {Number(year)}" : "");

    /// <summary>
    /// How many cells of one year differ from the facts — whatever the grain sums, it is checked against the facts
    /// themselves (a wrong measure, a missing cell, a cell the facts do not have): zero when the rollup is exact.
    /// </summary>
    public string CountDifferences(int solarYear)
    {
        var stored = $"SELECT {_columns} FROM {_grain.Table} WHERE solar_year = {Number(solarYear)}";
        var fresh = Summed("", solarYear, finer: null);
        return $"SELECT CAST(COUNT(*) AS BIGINT) AS \"Value\" FROM (SELECT {_keys} FROM ({stored} "
            + $"EXCEPT {fresh}) AS a UNION SELECT {_keys} FROM ({fresh} EXCEPT {stored}) AS b) AS d";
    }

    private string Fill(string join, int? solarYear, RollupGrain? finer) =>
        $"INSERT INTO {_grain.Table} ({_columns}) {Summed(join, solarYear, finer)}";

    /// <summary>The cells, as a SELECT of the key and totals, summed from the facts (finer null) or the finer rollup's cells.</summary>
    private string Summed(string join, int? solarYear, RollupGrain? finer)
    {
        var conditions = new List<string>();
        if (finer is null)
            conditions.Add(_provider == DatabaseProvider.SqlServer ? "f.is_retracted = 0" : "NOT f.is_retracted");
        if (solarYear is { } year)
            conditions.Add($"f.solar_year = {Number(year)}");
        var where = conditions.Count == 0 ? "" : " WHERE " + string.Join(" AND ", conditions);
        // Named, as SQL Server requires of a derived table's columns.
        var (source, measures) = finer is null
            ? (
                "contributions",
                "SUM(f.amount_rial) AS sum_rial, COUNT(*) AS row_count, MIN(f.amount_rial) AS min_rial, MAX(f.amount_rial) AS max_rial"
            )
            : (
                finer.Table,
                "SUM(f.sum_rial) AS sum_rial, SUM(f.row_count) AS row_count, MIN(f.min_rial) AS min_rial, MAX(f.max_rial) AS max_rial"
            );
        var from = join == "" ? $"{source} AS f" : $"{source} AS f {join}";
        return $"SELECT {Prefixed("f", _keys)}, f.solar_quarter, {measures} FROM {from}{where} "
            + $"GROUP BY {Prefixed("f", _keys)}, f.solar_quarter";
    }

    /// <summary>The cells as a named table <c>cells</c> with the key's columns, for a statement that follows.</summary>
    private string Named(IEnumerable<MonthlyCell> cells)
    {
        var rows = string.Join(", ", cells.Select(c => $"({Key(c)})"));
        return _provider == DatabaseProvider.SqlServer
            ? $"WITH cells ({_keys}) AS (SELECT * FROM (VALUES {rows}) AS k ({_keys}))"
            : $"WITH cells ({_keys}) AS (VALUES {rows})";
    }

    private string Row(MonthlyCell cell, CellTotals totals) =>
        $"({Key(cell)}, {Number(SolarCalendar.QuarterOf(cell.SolarMonth))}, {Number(totals.Sum)}, "
        + $"{Number(totals.Count)}, {Number(totals.Min)}, {Number(totals.Max)})";

    private string Key(MonthlyCell cell) => string.Join(", ", _grain.KeyOf(cell).Select(Number));

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Matching(string left, string right, string columns) =>
        string.Join(" AND ", columns.Split(", ").Select(c => $"{left}.{c} = {right}.{c}"));

    private static string Prefixed(string alias, string columns) => string.Join(", ", columns.Split(", ").Select(c => $"{alias}.{c}"));
}

/// <summary>What a set of fact rows adds to a cell.</summary>
public record struct CellTotals(long Sum, long Count, long Min, long Max)
{
    public static CellTotals Of(long amount) => new(amount, 1, amount, amount);

    public readonly CellTotals With(long amount) => Plus(Of(amount));

    /// <summary>The totals of both sets of rows.</summary>
    public readonly CellTotals Plus(CellTotals other) =>
        new(Sum + other.Sum, Count + other.Count, Math.Min(Min, other.Min), Math.Max(Max, other.Max));
}
