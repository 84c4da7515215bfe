using Microsoft.EntityFrameworkCore;

namespace WelfareGraph.Data;

/// <summary>
/// The <see cref="IDbContextFactory{WelfareDbContext}"/> everything in a request uses: each context it makes
/// carries the current caller's scope, and so sees and writes only that (<see cref="ScopeFilters"/>).
/// Outside a request, or before the caller's scope is resolved, its contexts see nothing.
/// </summary>
internal sealed class CallerDbContextFactory<TContext>(IDbContextFactory<TContext> inner, ICurrentScope scope)
    : IDbContextFactory<WelfareDbContext>
    where TContext : WelfareDbContext
{
    public WelfareDbContext CreateDbContext()
    {
        var db = inner.CreateDbContext();
        db.Scope = scope.Current;
        return db;
    }
}
