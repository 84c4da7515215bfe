using System.Linq.Expressions;
using System.Reflection;
using WelfareGraph.Contributions;

namespace WelfareGraph.Analytics;

/// <summary>
/// A condition on contributions rewritten as the same condition on a rollup's cells — possible when every member
/// of the contribution it reads is one the cell carries: a property of the cell with the same name and type (the
/// period, the county with everything reached through it, and whichever of type, sector, intent and channel the
/// rollup keeps). A condition on anything else (the amount, the date, a centre, a charity) has no rewrite: a
/// coarser rollup or the facts answer it.
/// </summary>
internal static class RollupFilter
{
    /// <summary>The condition over cells, or null when the cells cannot answer it.</summary>
    public static Expression<Func<TCell, bool>>? Translate<TCell>(Expression<Func<Contribution, bool>> where)
    {
        var cell = Expression.Parameter(typeof(TCell), "m");
        var rewriter = new Rewriter(where.Parameters[0], cell);
        var body = rewriter.Visit(where.Body);
        return rewriter.Failed ? null : Expression.Lambda<Func<TCell, bool>>(body, cell);
    }

    private sealed class Rewriter(ParameterExpression fact, ParameterExpression cell) : ExpressionVisitor
    {
        public bool Failed { get; private set; }

        protected override Expression VisitMember(MemberExpression node)
        {
            if (node.Expression != fact)
                return base.VisitMember(node);
            var carried = cell.Type.GetProperty(node.Member.Name, BindingFlags.Public | BindingFlags.Instance);
            if (carried is not null && carried.PropertyType == node.Type)
                return Expression.Property(cell, carried);
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
