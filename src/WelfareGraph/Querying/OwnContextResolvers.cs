using GraphQL;
using GraphQL.Builders;
using GraphQL.MicrosoftDI;
using WelfareGraph.Data;

namespace WelfareGraph.Querying;

public static class OwnContextResolvers
{
    /// <summary>
    /// Resolves the field on a context of its own, made from the factory GraphQL.NET hands the resolver and disposed
    /// when it is done: sibling fields resolve in parallel, and one DbContext must never run two queries at once
    /// (PostgreSQL and SQL Server refuse it).
    /// </summary>
    public static FieldBuilder<TSource, object> ResolveOnOwnContext<TSource>(
        this FieldBuilder<TSource, object> field,
        Func<IResolveFieldContext<TSource>, WelfareDbContext, Task<object?>> resolve
    ) => field.ResolveOnOwnContext<TSource, IDbContextFactory<WelfareDbContext>>((ctx, _, db) => resolve(ctx, db));

    /// <summary>The same, with one more service GraphQL.NET hands the resolver beside the context.</summary>
    public static FieldBuilder<TSource, object> ResolveOnOwnContext<TSource, TService>(
        this FieldBuilder<TSource, object> field,
        Func<IResolveFieldContext<TSource>, TService, WelfareDbContext, Task<object?>> resolve
    ) =>
        field
            .Resolve()
            .WithServices<IDbContextFactory<WelfareDbContext>, TService>()
            .ResolveAsync(
                async (ctx, contexts, service) =>
                {
                    await using var db = contexts.CreateDbContext();
                    return await resolve(ctx, service, db);
                }
            );
}
