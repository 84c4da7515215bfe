using WelfareGraph.Contributions;

namespace WelfareGraph.Data.Rollups;

/// <summary>
/// The rollup maintenance of one writer's transaction. <see cref="BeginAsync"/> takes the contributions writers'
/// lock before the writer reads anything it will change; the writer reports each stored row as it was before
/// the change (<see cref="Removing"/>) and each row as written (<see cref="Added"/>; a stored row unchanged in its cell
/// and amount costs nothing); <see cref="ApplyAsync"/>,
/// after the fact rows are written and before commit, brings the touched cells of every rollup
/// (<see cref="RollupGrain.All"/>) up to date. Cells that only gained rows grow by them; a cell that lost one is
/// recomputed, as its min or max may have left with it — a monthly cell from the facts, a county cell from the
/// monthly cells just made exact. Retracted rows are in no cell.
/// </summary>
public sealed class MonthlyRollupChanges : IRollupChanges<Contribution>
{
    // Statements of at most this many cells: short enough for any provider's parser, few enough round trips.
    private const int CellsPerStatement = 500;

    private readonly Dictionary<MonthlyCell, CellTotals> _added = [];
    private readonly HashSet<MonthlyCell> _lost = [];
    private readonly Dictionary<Contribution, (MonthlyCell Cell, long Amount)> _removing = new(ReferenceEqualityComparer.Instance);

    private MonthlyRollupChanges() { }

    public static async Task<MonthlyRollupChanges> BeginAsync(WelfareDbContext db, CancellationToken cancellationToken)
    {
        if (MonthlyRollupSql.For(db).Lock is { } statement)
            await db.Database.ExecuteSqlRawAsync(statement, cancellationToken);
        return new MonthlyRollupChanges();
    }

    public void Removing(Contribution stored)
    {
        if (!stored.IsRetracted)
            _removing[stored] = (MonthlyCell.Of(stored), stored.AmountRial);
    }

    public void Added(Contribution row)
    {
        if (_removing.Remove(row, out var before))
        {
            // A resend, or a change of fields no cell sums: the row stays where it was.
            if (!row.IsRetracted && before == (MonthlyCell.Of(row), row.AmountRial))
                return;
            _lost.Add(before.Cell);
        }
        if (row.IsRetracted)
            return;
        var cell = MonthlyCell.Of(row);
        _added[cell] = _added.TryGetValue(cell, out var totals) ? totals.With(row.AmountRial) : CellTotals.Of(row.AmountRial);
    }

    public async Task ApplyAsync(WelfareDbContext db, CancellationToken cancellationToken)
    {
        // Rows removed and not written back (retracted) left their cells.
        foreach (var (cell, _) in _removing.Values)
            _lost.Add(cell);
        _removing.Clear();
        foreach (var grain in RollupGrain.All)
        {
            var sql = MonthlyRollupSql.For(db, grain);
            // A coarser cell lost a row when one of its finer cells did.
            var lost = _lost.Select(grain.Of).ToHashSet();
            // In key order, as every writer does, although the lock already keeps writers of cells apart.
            foreach (var chunk in lost.Order().Chunk(CellsPerStatement))
            {
                foreach (var statement in sql.Recompute(chunk))
                    await db.Database.ExecuteSqlRawAsync(statement, cancellationToken);
            }
            var grown = _added
                .GroupBy(a => grain.Of(a.Key), a => a.Value)
                .Where(g => !lost.Contains(g.Key))
                .Select(g => (g.Key, g.Aggregate((a, b) => a.Plus(b))))
                .OrderBy(g => g.Key)
                .ToList();
            foreach (var chunk in grown.Chunk(CellsPerStatement))
                await db.Database.ExecuteSqlRawAsync(sql.Add(chunk), cancellationToken);
        }
    }
}
