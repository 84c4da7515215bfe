using Microsoft.EntityFrameworkCore;
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
    public static async Task<KeyEntities> LoadAsync(WelfareDbContext db, IEnumerable<GroupKey> keys, SelectionTree selection, string keyPath,
        CancellationToken cancellationToken)
    {
        var list = keys as IReadOnlyCollection<GroupKey> ?? keys.ToList();
        return new KeyEntities
        {
            Provinces = await LoadAsync(db, db.Provinces, list, k => k.Province, selection, keyPath + ".province", p => p.Id, cancellationToken),
            Counties = await LoadAsync(db, db.Counties, list, k => k.County, selection, keyPath + ".county", c => c.Id, cancellationToken),
            Centers = await LoadAsync(db, db.Centers, list, k => k.Center, selection, keyPath + ".center", c => c.Id, cancellationToken),
            Charities = await LoadAsync(db, db.Charities, list, k => k.Charity, selection, keyPath + ".charity", c => c.Id, cancellationToken),
        };
    }

    private static async Task<IReadOnlyDictionary<int, T>> LoadAsync<T>(WelfareDbContext db, IQueryable<T> set, IReadOnlyCollection<GroupKey> keys,
        Func<GroupKey, int?> id, SelectionTree selection, string path, System.Linq.Expressions.Expression<Func<T, int>> idOf,
        CancellationToken cancellationToken) where T : class
    {
        if (!selection.Has(path)) return new Dictionary<int, T>();
        var ids = keys.Select(id).OfType<int>().Distinct().ToList();
        if (ids.Count == 0) return new Dictionary<int, T>();
        foreach (var include in selection.Includes(path, db.Model.FindEntityType(typeof(T))!)) set = set.Include(include);
        var contains = System.Linq.Expressions.Expression.Lambda<Func<T, bool>>(
            System.Linq.Expressions.Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(int)],
                // A captured member, not a constant: EF sends the ids as one parameter and reuses the compiled query.
                System.Linq.Expressions.Expression.Property(System.Linq.Expressions.Expression.Constant(new IdList(ids)), nameof(IdList.Ids)),
                idOf.Body), idOf.Parameters);
        var getId = idOf.Compile();
        return (await set.Where(contains).ToListAsync(cancellationToken)).ToDictionary(getId);
    }

    private sealed class IdList(List<int> ids)
    {
        public List<int> Ids { get; } = ids;
    }
}
