using System.Linq.Expressions;
using WelfareGraph.Contributions;
using WelfareGraph.Data;
using WelfareGraph.Periods;

namespace WelfareGraph.Analytics;

/// <summary>
/// What contribution totals are summed from: the coarsest rollup whose cells give exactly the facts' answer —
/// slots the cells carry, a condition on what they carry (<see cref="RollupFilter"/>), all time or whole Solar
/// Hijri months — and the fact rows otherwise. The county rollup (month × county × type) answers the usual
/// dashboard in a number of cells that does not grow with the facts; the monthly rollup adds sector, intent and
/// channel. Each grouping picks for itself (a comparison period may need the facts where the main one does not)
/// and records what it read in <see cref="Used"/>, for the audit entry and the operation's span. Every source
/// sees the caller's scope: the cells are placed by county like the facts.
/// </summary>
public sealed class ContributionSource
{
    public const string CountyRollup = "county-rollup";
    public const string Rollup = "rollup";
    public const string Facts = "facts";

    private readonly WelfareDbContext _db;
    private readonly Expression<Func<Contribution, bool>>? _where;
    private readonly bool _useRollups;

    public ContributionSource(WelfareDbContext db, Expression<Func<Contribution, bool>>? where, bool useRollups) =>
        (_db, _where, _useRollups) = (db, where, useRollups);

    /// <summary>The fact rows alone, whatever the question: for comparing with the rollup, and for SQL the tests inspect.</summary>
    public static ContributionSource FactsOf(WelfareDbContext db, Expression<Func<Contribution, bool>>? where = null) =>
        new(db, where, useRollups: false);

    /// <summary>The sources read so far (<see cref="CountyRollup"/>, <see cref="Rollup"/>, <see cref="Facts"/>), in order.</summary>
    public SortedSet<string> Used { get; } = new(StringComparer.Ordinal);

    /// <summary>The GROUP BY of the rows in <paramref name="period"/> (all time when null) by <paramref name="slots"/>.</summary>
    public IQueryable<GroupRow> Group(
        ResolvedPeriod? period,
        IReadOnlyCollection<Slot> slots,
        IReadOnlyCollection<Slot> codeSlots,
        bool min,
        bool max
    )
    {
        var months = period is null ? null : SolarMonths.Of(period);
        if (_useRollups && (period is null || months is not null))
        {
            var question = new CellQuestion(months, slots, codeSlots, min, max);
            var fromCells =
                FromCells(CountyRollup, FactColumns.CountyMonthlyContributions, question)
                ?? FromCells(Rollup, FactColumns.MonthlyContributions, question);
            if (fromCells is not null)
                return fromCells;
        }
        Used.Add(Facts);
        var facts = _where is null ? _db.Contributions : _db.Contributions.Where(_where);
        return GroupingBuilder.Group(
            period is null ? facts : facts.InPeriod(period),
            FactColumns.Contributions,
            slots,
            codeSlots,
            new Aggregates<Contribution>(c => c.AmountRial, min, max)
        );
    }

    private sealed record CellQuestion(
        SolarMonths? Months,
        IReadOnlyCollection<Slot> Slots,
        IReadOnlyCollection<Slot> CodeSlots,
        bool Min,
        bool Max
    );

    /// <summary>The GROUP BY over a rollup's cells, or null when they cannot give the facts' answer.</summary>
    private IQueryable<GroupRow>? FromCells<TCell>(string name, SlotColumns<TCell> columns, CellQuestion question)
        where TCell : RollupCell
    {
        if (!question.Slots.All(columns.Has) || !question.CodeSlots.All(columns.Has))
            return null;
        IQueryable<TCell> cells = _db.Set<TCell>();
        if (_where is not null)
        {
            if (RollupFilter.Translate<TCell>(_where) is not { } where)
                return null;
            cells = cells.Where(where);
        }
        if (question.Months is { } months)
            cells = cells.Where(RollupFilter.Translate<TCell>(months.Contains())!);
        Used.Add(name);
        return GroupingBuilder.Group(
            cells,
            columns,
            question.Slots,
            question.CodeSlots,
            new Aggregates<TCell>(
                Sum: c => c.SumRial,
                Min: question.Min,
                Max: question.Max,
                RowCount: c => c.RowCount,
                Least: c => c.MinRial,
                Greatest: c => c.MaxRial
            )
        );
    }
}
