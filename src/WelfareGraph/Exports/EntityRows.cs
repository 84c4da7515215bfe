using System.Runtime.CompilerServices;
using WelfareGraph.Data;

namespace WelfareGraph.Exports;

/// <summary>
/// The one way entity rows are streamed out: a context of its own from the (scoped) factory, the places it can
/// see loaded once, the query enumerated without buffering, and each row written with those places at hand.
/// </summary>
public static class EntityRows
{
    public static async IAsyncEnumerable<object?[]> StreamAsync<TRow>(
        IDbContextFactory<WelfareDbContext> contexts,
        Func<WelfareDbContext, IQueryable<TRow>> query,
        Func<TRow, Places, object?[]> write,
        bool withInstitutions = false,
        [EnumeratorCancellation] CancellationToken cancellationToken = default
    )
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var places = await Places.LoadAsync(db, cancellationToken, withInstitutions);
        await foreach (var row in query(db).AsAsyncEnumerable().WithCancellation(cancellationToken))
            yield return write(row, places);
    }
}
