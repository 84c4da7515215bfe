using GraphQL;
using WelfareGraph.Data;

namespace WelfareGraph.Querying;

internal static class ResolveFieldContextExtensions
{
    /// <summary>
    /// A context of the resolver's own: GraphQL.NET resolves sibling fields in parallel and one
    /// DbContext must never run two queries at once (PostgreSQL and SQL Server refuse it).
    /// </summary>
    public static WelfareDbContext CreateDbContext(this IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<IDbContextFactory<WelfareDbContext>>().CreateDbContext();

    public static T Service<T>(this IResolveFieldContext context)
        where T : notnull => context.RequestServices!.GetRequiredService<T>();
}
