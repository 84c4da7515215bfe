using WelfareGraph.Querying;
using Microsoft.EntityFrameworkCore;
using WelfareGraph.Data;

namespace WelfareGraph.Security;

/// <summary>
/// The <see cref="IDbContextFactory{WelfareDbContext}"/> everything in a request uses: each context it makes
/// carries the current caller's scope, and so sees and writes only that (<see cref="ScopeFilters"/>).
/// Outside a request, or before the caller's scope is resolved, its contexts see nothing.
/// </summary>
internal sealed class CallerDbContextFactory<TContext>(IDbContextFactory<TContext> inner, CallerScopes callers) : IDbContextFactory<WelfareDbContext>
    where TContext : WelfareDbContext
{
    public WelfareDbContext CreateDbContext()
    {
        var db = inner.CreateDbContext();
        db.Scope = callers.Current;
        return db;
    }
}
