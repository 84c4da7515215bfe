using System.Linq.Expressions;
using GraphQL;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using WelfareGraph.Geography;

namespace WelfareGraph.Data;

/// <summary>
/// The write half of the scope mechanism. Query filters cannot stop <c>SaveChanges</c> from inserting or
/// updating a row of another county, so every tracked change is checked against the context's scope before
/// it is written — for an update both where the row was and where it goes. It also refuses
/// <c>IgnoreQueryFilters()</c>, the one LINQ call that would switch the scope filters off.
/// (Raw SQL is outside EF's model and outside this mechanism: do not send caller data through it.)
/// </summary>
public sealed class ScopeWriteGuard : SaveChangesInterceptor, IQueryExpressionInterceptor
{
    public static readonly ScopeWriteGuard Instance = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Check(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData,
        InterceptionResult<int> result,
        CancellationToken cancellationToken = default
    )
    {
        Check(eventData.Context);
        return ValueTask.FromResult(result);
    }

    /// <summary>Throws unless every pending change stays inside the context's scope.</summary>
    public static void Check(DbContext? context)
    {
        if (context is not WelfareDbContext db || db.Scope.IsNational)
            return;
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
                continue;
            if (!Allowed(db.Scope, entry))
                throw new ExecutionError($"The change to {entry.Metadata.ClrType.Name} is outside your scope ({db.Scope}).")
                {
                    Code = "AUTH_OUT_OF_SCOPE",
                };
        }
    }

    private static bool Allowed(WelfareScope scope, EntityEntry entry)
    {
        var added = entry.State == EntityState.Added;
        int? Now(string property) => (int?)entry.Property(property).CurrentValue;
        int? Before(string property) => (int?)entry.Property(property).OriginalValue;
        // A row is written where it is and where it goes (an update may move it).
        bool Within(string property, Func<int, bool> inScope) =>
            Now(property) is { } now && inScope(now) && (added || Before(property) is { } before && inScope(before));
        var type = entry.Metadata;
        return entry.Entity switch
        {
            // Provinces are national reference data.
            Province => false,
            // A new county needs its whole province in scope; an existing one itself, and a whole province to move to.
            County when added => Within(ScopeFilters.ProvinceKey, scope.ContainsWholeProvince),
            County => Within(nameof(County.Id), scope.ContainsCounty)
                && (
                    Now(ScopeFilters.ProvinceKey) == Before(ScopeFilters.ProvinceKey)
                    || Within(ScopeFilters.ProvinceKey, scope.ContainsWholeProvince)
                ),
            // The audit log is written for every caller (and read with national scope only).
            AuditEntry => true,
            // The same convention as the read filters: a county's rows, a whole province's rows.
            _ when type.FindProperty(ScopeFilters.CountyKey) is not null => Within(ScopeFilters.CountyKey, scope.ContainsCounty),
            _ when type.FindProperty(ScopeFilters.ProvinceKey) is not null => Within(ScopeFilters.ProvinceKey, scope.ContainsWholeProvince),
            // Rows that belong to no place (a counter, say) are filtered on no read either.
            _ => true,
        };
    }

    public Expression QueryCompilationStarting(Expression queryExpression, QueryExpressionEventData eventData)
    {
        new IgnoreQueryFiltersFinder().Visit(queryExpression);
        return queryExpression;
    }

    /// <summary>
    /// Refuses <c>IgnoreQueryFilters()</c> and <c>IgnoreQueryFilters([...])</c> naming the scope filter; other
    /// named filters (retracted rows, say) may be ignored. Keys it cannot read count as naming it.
    /// </summary>
    private sealed class IgnoreQueryFiltersFinder : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (
                node.Method.Name == nameof(EntityFrameworkQueryableExtensions.IgnoreQueryFilters)
                && node.Method.DeclaringType == typeof(EntityFrameworkQueryableExtensions)
                && (node.Arguments.Count == 1 || FilterKeys(node.Arguments[1]).Any(key => key is null or ScopeFilters.Name))
            )
                throw new InvalidOperationException(
                    "Ignoring the scope filter would show a caller rows outside its scope; it is not allowed. "
                        + "The server's own work outside requests uses SystemDbContextFactory, whose contexts see everything."
                );
            return base.VisitMethodCall(node);
        }

        private static IEnumerable<string?> FilterKeys(Expression keys) =>
            keys switch
            {
                ConstantExpression { Value: IEnumerable<string> values } => values,
                NewArrayExpression array when array.Expressions.All(e => e is ConstantExpression) => array.Expressions.Select(e =>
                    ((ConstantExpression)e).Value as string
                ),
                _ => [null],
            };
    }
}
