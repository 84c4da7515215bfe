using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Metadata;
using WelfareGraph.Geography;

namespace WelfareGraph.Data;

/// <summary>
/// The one mechanism that applies a caller's scope to every query: an EF Core global query filter on every
/// entity that belongs to a place. The filters read <see cref="WelfareDbContext.Scope"/> of the context that
/// runs the query — EF turns <c>context.Scope...</c> into query parameters — so the model is built and cached
/// once and each context brings its own scope. Lists, totals, the report, exports, feeds, <c>ExecuteUpdate</c>
/// and <c>ExecuteDelete</c> all go through them; <c>SaveChanges</c> is checked against the same scope by
/// <see cref="ScopeWriteGuard"/>.
/// <para>
/// Which entities: a <see cref="Province"/> is visible where the scope touches it (a county scope shows its
/// province, with only its own counties under it); a <see cref="County"/> where it is in scope; any entity
/// with a <c>CountyId</c> (contributions, households, centres, charities, and whatever is added later) where
/// its county is; any other with a <c>ProvinceId</c> only where its whole province is (a province-level
/// record speaks for every county of it); the audit log with national scope only. An entity that reaches its
/// place only through another row needs its own line here.
/// </para>
/// </summary>
public static class ScopeFilters
{
    /// <summary>The filters' name, so other named filters (say, retracted rows) sit beside them.</summary>
    public const string Name = "WelfareScope";

    public static ModelBuilder ApplyScopeFilters(this ModelBuilder model, WelfareDbContext context)
    {
        // An expression of the context's type: EF replaces it with the context running the query, which makes
        // everything read from it a parameter rather than a constant of the model.
        var scope = Expression.Property(Expression.Constant(context, typeof(WelfareDbContext)), nameof(WelfareDbContext.Scope));
        foreach (
            var entity in model
                .Model.GetEntityTypes()
                .Where(e => e.BaseType is null && !e.IsOwned() && e.ClrType != typeof(Dictionary<string, object>))
                .ToList()
        )
        {
            var row = Expression.Parameter(entity.ClrType, "row");
            var inScope = ScopeTest(entity, row, scope);
            if (inScope is null)
                continue;
            var national = Expression.Property(scope, nameof(WelfareScope.IsNational));
            model.Entity(entity.ClrType).HasQueryFilter(Name, Expression.Lambda(Expression.OrElse(national, inScope), row));
        }
        return model;
    }

    /// <summary>The test a row must pass for a regional scope, or null for an entity that belongs to no place.</summary>
    private static Expression? ScopeTest(IMutableEntityType entity, ParameterExpression row, Expression scope)
    {
        if (entity.ClrType == typeof(Province))
            return Contains(scope, nameof(WelfareScope.ProvinceIds), row, entity.FindProperty(nameof(Province.Id))!);
        if (entity.ClrType == typeof(County))
            return Contains(scope, nameof(WelfareScope.CountyIds), row, entity.FindProperty(nameof(County.Id))!);
        if (entity.ClrType == typeof(AuditEntry))
            return Expression.Constant(false);
        if (entity.FindProperty(CountyKey) is { } county)
            return Contains(scope, nameof(WelfareScope.CountyIds), row, county);
        if (entity.FindProperty(ProvinceKey) is { } province)
            return Contains(scope, nameof(WelfareScope.WholeProvinceIds), row, province);
        return null;
    }

    /// <summary>The conventional names of the foreign keys that place a row (ScopeWriteGuard uses them too).</summary>
    internal const string CountyKey = "CountyId";
    internal const string ProvinceKey = "ProvinceId";

    /// <summary><c>scope.{ids}.Contains(row.{key})</c>, for an int or int? key (a null place is in no scope).</summary>
    private static Expression Contains(Expression scope, string ids, ParameterExpression row, IMutableProperty key)
    {
        var contains = typeof(Enumerable)
            .GetMethods()
            .Single(m => m.Name == nameof(Enumerable.Contains) && m.GetParameters().Length == 2)
            .MakeGenericMethod(typeof(int));
        // A shadow foreign key has no CLR property: EF.Property reads it.
        Expression value = key.PropertyInfo is { } property
            ? Expression.Property(row, property)
            : Expression.Call(typeof(EF), nameof(EF.Property), [key.ClrType], row, Expression.Constant(key.Name));
        if (value.Type == typeof(int?))
            return Expression.AndAlso(
                Expression.Property(value, nameof(Nullable<int>.HasValue)),
                Expression.Call(contains, Expression.Property(scope, ids), Expression.Property(value, nameof(Nullable<int>.Value)))
            );
        return Expression.Call(contains, Expression.Property(scope, ids), value);
    }
}
