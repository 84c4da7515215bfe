using System.Globalization;
using System.Text;
using WelfareGraph.Periods;

namespace WelfareGraph.Data.Rollups;

/// <summary>
/// The statements that keep <c>contributions_monthly</c> equal to the facts, in each provider's SQL. Keys and
/// measures are written as integer literals (they are numbers from the writer's own rows, never text), so a batch
/// of cells is one statement whatever the provider's parameter limit.
/// </summary>
public sealed class MonthlyRollupSql
{
    public const string Table = "contributions_monthly";
    private const string Keys = "solar_year, solar_month, county_id, type, sector, intent, channel";
    private const string Columns = Keys + ", solar_quarter, sum_rial, row_count, min_rial, max_rial";

    private readonly DatabaseProvider _provider;

    private MonthlyRollupSql(DatabaseProvider provider) => _provider = provider;

    public static MonthlyRollupSql For(WelfareDbContext db) =>
        new(
            db.Database.IsNpgsql() ? DatabaseProvider.Postgres
            : db.Database.IsSqlServer() ? DatabaseProvider.SqlServer
            : DatabaseProvider.Sqlite
        );

    public static MonthlyRollupSql For(DatabaseProvider provider) => new(provider);

    /// <summary>
    /// Serialises the writers of contributions for the rest of their transaction: taken before a writer reads the rows
    /// it will change, so the values it removes from the rollup are the ones stored. SQLite has one writer already
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
                MERGE {Table} WITH (HOLDLOCK) AS m
                USING (VALUES {rows}) AS d ({Columns})
                ON {Matching("m", "d")}
                WHEN MATCHED THEN UPDATE SET m.sum_rial = m.sum_rial + d.sum_rial, m.row_count = m.row_count + d.row_count,
                  m.min_rial = CASE WHEN d.min_rial < m.min_rial THEN d.min_rial ELSE m.min_rial END,
                  m.max_rial = CASE WHEN d.max_rial > m.max_rial THEN d.max_rial ELSE m.max_rial END
                WHEN NOT MATCHED THEN INSERT ({Columns}) VALUES ({Prefixed("d", Columns)});
                """,
            DatabaseProvider.Postgres => $"""
                INSERT INTO {Table} AS m ({Columns}) VALUES {rows}
                ON CONFLICT ({Keys}) DO UPDATE SET sum_rial = m.sum_rial + excluded.sum_rial, row_count = m.row_count + excluded.row_count,
                  min_rial = LEAST(m.min_rial, excluded.min_rial), max_rial = GREATEST(m.max_rial, excluded.max_rial)
                """,
            _ => $"""
                INSERT INTO {Table} ({Columns}) VALUES {rows}
                ON CONFLICT ({Keys}) DO UPDATE SET sum_rial = sum_rial + excluded.sum_rial, row_count = row_count + excluded.row_count,
                  min_rial = min(min_rial, excluded.min_rial), max_rial = max(max_rial, excluded.max_rial)
                """,
        };
    }

    /// <summary>
    /// Recomputes cells from the facts (two statements: delete, insert): for cells that lost a row, whose min or
    /// max may have left with it. A cell left without rows is gone.
    /// </summary>
    public IReadOnlyList<string> Recompute(IReadOnlyCollection<MonthlyCell> cells)
    {
        var named = Named(cells);
        return
        [
            $"{named} DELETE FROM {Table} WHERE EXISTS (SELECT 1 FROM cells AS v WHERE {Matching(Table, "v", Keys)})",
            $"{named} {Fill($"JOIN cells AS v ON {Matching("f", "v", Keys)}", null)}",
        ];
    }

    /// <summary>Fills the rollup from the facts of one year (or of every year): the rebuild, after the cells are deleted.</summary>
    public string Fill(int? solarYear) => Fill("", solarYear);

    /// <summary>Deletes the cells of one year (or every cell).</summary>
    public string Delete(int? solarYear) => $"DELETE FROM {Table}" + (solarYear is { } year ? $" WHERE solar_year = {Number(year)}" : "");

    /// <summary>
    /// How many cells of one year differ from the facts (a wrong measure, a missing cell, a cell the facts do
    /// not have): zero when the rollup is exact.
    /// </summary>
    public string CountDifferences(int solarYear)
    {
        var stored = $"SELECT {Columns} FROM {Table} WHERE solar_year = {Number(solarYear)}";
        var fresh =
            $"SELECT {Prefixed("f", Keys)}, f.solar_quarter, {Measures} FROM contributions AS f WHERE {NotRetracted} "
            + $"AND f.solar_year = {Number(solarYear)} GROUP BY {Prefixed("f", Keys)}, f.solar_quarter";
        return $"SELECT CAST(COUNT(*) AS BIGINT) AS \"Value\" FROM (SELECT {Keys} FROM ({stored} "
            + $"EXCEPT {fresh}) AS a UNION SELECT {Keys} FROM ({fresh} EXCEPT {stored}) AS b) AS d";
    }

    private string Fill(string join, int? solarYear)
    {
        var year = solarYear is { } y ? $" AND f.solar_year = {Number(y)}" : "";
        return $"INSERT INTO {Table} ({Columns}) SELECT {Prefixed("f", Keys)}, f.solar_quarter, {Measures} "
            + $"FROM contributions AS f {join} WHERE {NotRetracted}{year} GROUP BY {Prefixed("f", Keys)}, f.solar_quarter";
    }

    // Named, as SQL Server requires of a derived table's columns.
    private const string Measures =
        "SUM(f.amount_rial) AS sum_rial, COUNT(*) AS row_count, MIN(f.amount_rial) AS min_rial, MAX(f.amount_rial) AS max_rial";

    private string NotRetracted => _provider == DatabaseProvider.SqlServer ? "f.is_retracted = 0" : "NOT f.is_retracted";

    /// <summary>The cells as a named table <c>cells</c> with the key's columns, for a statement that follows.</summary>
    private string Named(IEnumerable<MonthlyCell> cells)
    {
        var rows = string.Join(", ", cells.Select(c => $"({Key(c)})"));
        return _provider == DatabaseProvider.SqlServer
            ? $"WITH cells ({Keys}) AS (SELECT * FROM (VALUES {rows}) AS k ({Keys}))"
            : $"WITH cells ({Keys}) AS (VALUES {rows})";
    }

    private static string Row(MonthlyCell cell, CellTotals totals) =>
        $"({Key(cell)}, {Number(SolarCalendar.QuarterOf(cell.SolarMonth))}, {Number(totals.Sum)}, "
        + $"{Number(totals.Count)}, {Number(totals.Min)}, {Number(totals.Max)})";

    private static string Key(MonthlyCell c) =>
        string.Join(
            ", ",
            Number(c.SolarYear),
            Number(c.SolarMonth),
            Number(c.CountyId),
            Number((int)c.Type),
            Number((int)c.Sector),
            Number((int)c.Intent),
            Number((int)c.Channel)
        );

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Matching(string left, string right, string columns = Keys) =>
        string.Join(" AND ", columns.Split(", ").Select(c => $"{left}.{c} = {right}.{c}"));

    private static string Prefixed(string alias, string columns) => string.Join(", ", columns.Split(", ").Select(c => $"{alias}.{c}"));
}

/// <summary>What a set of fact rows adds to a cell.</summary>
public record struct CellTotals(long Sum, long Count, long Min, long Max)
{
    public static CellTotals Of(long amount) => new(amount, 1, amount, amount);

    public readonly CellTotals With(long amount) => new(Sum + amount, Count + 1, Math.Min(Min, amount), Math.Max(Max, amount));
}
