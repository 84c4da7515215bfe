using System.Linq.Expressions;
using WelfareGraph.Contributions;
using WelfareGraph.Data;
using WelfareGraph.Periods;

namespace WelfareGraph.Analytics;

/// <summary>
/// What contribution totals are summed from: the monthly rollup's cells whenever they give exactly the facts'
/// answer — slots the cells carry, a condition on what they carry (<see cref="RollupFilter"/>), all time or
/// whole Solar Hijri months — and the fact rows otherwise. Each grouping picks for itself (a comparison period
/// may need the facts where the main one does not) and records what it read in <see cref="Used"/>, for the
/// audit entry and the operation's span. Both sources see the caller's scope: the cells are placed by county
/// like the facts.
/// </summary>
public sealed class ContributionSource
{
    public const string Rollup = "rollup";
    public const string Facts = "facts";

    private readonly WelfareDbContext _db;
    private readonly Expression<Func<Contribution, bool>>? _where;
    private readonly Expression<Func<MonthlyContribution, bool>>? _cellWhere;
    private readonly bool _cellsCan;

    public ContributionSource(WelfareDbContext db, Expression<Func<Contribution, bool>>? where, bool useRollups)
    {
        (_db, _where) = (db, where);
        _cellWhere = where is null ? null : RollupFilter.Translate(where);
        _cellsCan = useRollups && (where is null || _cellWhere is not null);
    }

    /// <summary>The fact rows alone, whatever the question: for comparing with the rollup, and for SQL the tests inspect.</summary>
    public static ContributionSource FactsOf(WelfareDbContext db, Expression<Func<Contribution, bool>>? where = null) =>
        new(db, where, useRollups: false);

    /// <summary>The sources read so far (<see cref="Rollup"/>, <see cref="Facts"/>), in order.</summary>
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
        var cells = FactColumns.MonthlyContributions;
        var months = period is null ? null : SolarMonths.Of(period);
        if (_cellsCan && slots.All(cells.Has) && codeSlots.All(cells.Has) && (period is null || months is not null))
        {
            Used.Add(Rollup);
            var rows = _cellWhere is null ? _db.MonthlyContributions : _db.MonthlyContributions.Where(_cellWhere);
            return GroupingBuilder.Group(
                months is { } m ? rows.Where(m.Contains()) : rows,
                cells,
                slots,
                codeSlots,
                new Aggregates<MonthlyContribution>(
                    Sum: c => c.SumRial,
                    Min: min,
                    Max: max,
                    RowCount: c => c.RowCount,
                    Least: c => c.MinRial,
                    Greatest: c => c.MaxRial
                )
            );
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
}
