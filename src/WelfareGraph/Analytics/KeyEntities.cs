using System.Linq.Expressions;
using WelfareGraph.Centers;
using WelfareGraph.Charities;
using WelfareGraph.Data;
using WelfareGraph.Geography;

namespace WelfareGraph.Analytics;

/// <summary>
/// The objects behind entity keys (a county key is a <c>County</c>): one batched query per entity type that
/// the query shows, by the ids the groups hold, with the navigations selected under it — never one per group.
/// </summary>
public sealed class KeyEntities
{
    public static readonly KeyEntities None = new();

    public IReadOnlyDictionary<int, Province> Provinces { get; private init; } = new Dictionary<int, Province>();
    public IReadOnlyDictionary<int, County> Counties { get; private init; } = new Dictionary<int, County>();
    public IReadOnlyDictionary<int, Center> Centers { get; private init; } = new Dictionary<int, Center>();
    public IReadOnlyDictionary<int, Charity> Charities { get; private init; } = new Dictionary<int, Charity>();

    /// <param name="keyPath">Where the key object sits in the selection, e.g. <c>groups.key</c>.</param>
    /// <param name="places">Provinces and counties already loaded by <see cref="LoadPlacesAsync"/>, if any.</param>
    public static async Task<KeyEntities> LoadAsync(
        WelfareDbContext db,
        IEnumerable<GroupKey> keys,
        SelectionTree selection,
        string keyPath,
        CancellationToken cancellationToken,
        KeyEntities? places = null
    )
    {
        var list = keys as IReadOnlyCollection<GroupKey> ?? keys.ToList();
        List<int> Ids(Func<GroupKey, int?> id) => list.Select(id).OfType<int>().Distinct().ToList();
        return new KeyEntities
        {
            Provinces =
                places?.Provinces.Count > 0
                    ? places.Provinces
                    : await LoadAsync(
                        db,
                        db.Provinces,
                        Ids(k => k.Province),
                        selection,
                        keyPath + ".province",
                        p => p.Id,
                        cancellationToken
                    ),
            Counties =
                places?.Counties.Count > 0
                    ? places.Counties
                    : await LoadAsync(db, db.Counties, Ids(k => k.County), selection, keyPath + ".county", c => c.Id, cancellationToken),
            Centers = await LoadAsync(db, db.Centers, Ids(k => k.Center), selection, keyPath + ".center", c => c.Id, cancellationToken),
            Charities = await LoadAsync(
                db,
                db.Charities,
                Ids(k => k.Charity),
                selection,
                keyPath + ".charity",
                c => c.Id,
                cancellationToken
            ),
        };
    }

    /// <summary>
    /// Every province and county the caller may see, for groups that will show them, on a context of its own:
    /// started with the grouping, it reads a few hundred rows of reference data at most while the database
    /// groups the facts, instead of a lookup by the groups' ids after it.
    /// </summary>
    public static async Task<KeyEntities> LoadPlacesAsync(
        Func<WelfareDbContext> createContext,
        bool provinces,
        bool counties,
        SelectionTree selection,
        string keyPath,
        CancellationToken cancellationToken
    )
    {
        provinces &= selection.Has(keyPath + ".province");
        counties &= selection.Has(keyPath + ".county");
        if (!provinces && !counties)
            return None;
        await using var db = createContext();
        return new KeyEntities
        {
            Provinces = provinces
                ? await LoadAsync(db, db.Provinces, null, selection, keyPath + ".province", p => p.Id, cancellationToken)
                : None.Provinces,
            Counties = counties
                ? await LoadAsync(db, db.Counties, null, selection, keyPath + ".county", c => c.Id, cancellationToken)
                : None.Counties,
        };
    }

    /// <param name="ids">The ids to load, or null for all of them.</param>
    private static async Task<IReadOnlyDictionary<int, T>> LoadAsync<T>(
        WelfareDbContext db,
        IQueryable<T> set,
        List<int>? ids,
        SelectionTree selection,
        string path,
        Expression<Func<T, int>> idOf,
        CancellationToken cancellationToken
    )
        where T : class
    {
        if (!selection.Has(path) || ids is { Count: 0 })
            return new Dictionary<int, T>();
        foreach (var include in selection.Includes(path, db.Model.FindEntityType(typeof(T))!))
            set = set.Include(include);
        if (ids is not null)
            set = set.Where(
                Expression.Lambda<Func<T, bool>>(
                    Expression.Call(
                        typeof(Enumerable),
                        nameof(Enumerable.Contains),
                        [typeof(int)],
                        // A captured member, not a constant: EF sends the ids as one parameter and reuses the compiled query.
                        Expression.Property(Expression.Constant(new IdList(ids)), nameof(IdList.Ids)),
                        idOf.Body
                    ),
                    idOf.Parameters
                )
            );
        return (await set.ToListAsync(cancellationToken)).ToDictionary(IdGetter<T>.From(idOf));
    }

    /// <summary>The id getter, compiled once per entity type.</summary>
    private static class IdGetter<T>
    {
        private static Func<T, int>? _compiled;

        public static Func<T, int> From(Expression<Func<T, int>> idOf) => _compiled ??= idOf.Compile();
    }

    private sealed class IdList(List<int> ids)
    {
        public List<int> Ids { get; } = ids;
    }
}
