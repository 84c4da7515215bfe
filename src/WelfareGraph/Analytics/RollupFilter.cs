using System.Linq.Expressions;
using WelfareGraph.Contributions;

namespace WelfareGraph.Analytics;

/// <summary>
/// A condition on contributions rewritten as the same condition on the rollup's cells — possible when it reads
/// only what a cell carries (its period, county with everything reached through it, type, sector, intent and
/// channel). A condition on anything else (the amount, the date, a centre, a charity) has no rewrite: the facts answer it.
/// </summary>
internal static class RollupFilter
{
    private static readonly HashSet<string> Carried =
    [
        nameof(Contribution.SolarYear),
        nameof(Contribution.SolarQuarter),
        nameof(Contribution.SolarMonth),
        nameof(Contribution.CountyId),
        nameof(Contribution.County),
        nameof(Contribution.Type),
        nameof(Contribution.Sector),
        nameof(Contribution.Intent),
        nameof(Contribution.Channel),
    ];

    /// <summary>The condition over cells, or null when the cells cannot answer it.</summary>
    public static Expression<Func<MonthlyContribution, bool>>? Translate(Expression<Func<Contribution, bool>> where)
    {
        var cell = Expression.Parameter(typeof(MonthlyContribution), "m");
        var rewriter = new Rewriter(where.Parameters[0], cell);
        var body = rewriter.Visit(where.Body);
        return rewriter.Failed ? null : Expression.Lambda<Func<MonthlyContribution, bool>>(body, cell);
    }

    private sealed class Rewriter(ParameterExpression fact, ParameterExpression cell) : ExpressionVisitor
    {
        public bool Failed { get; private set; }

        protected override Expression VisitMember(MemberExpression node)
        {
            if (node.Expression != fact)
                return base.VisitMember(node);
            if (Carried.Contains(node.Member.Name))
                return Expression.Property(cell, node.Member.Name);
            Failed = true;
            return node;
        }

        // Reached only where the row is used other than through one of its members.
        protected override Expression VisitParameter(ParameterExpression node)
        {
            if (node == fact)
                Failed = true;
            return node;
        }
    }
}
