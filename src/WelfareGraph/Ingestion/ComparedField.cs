namespace WelfareGraph.Ingestion;

/// <summary>
/// One stored field a resend is compared on and an update copies: change detection is the list of a kind's
/// compared fields, written once (<see cref="ComparedFields{TEntity}"/>), not a hand-written chain of comparisons.
/// </summary>
public sealed class ComparedField<TEntity>
{
    private readonly Func<TEntity, TEntity, bool> _same;
    private readonly Action<TEntity, TEntity> _copy;

    private ComparedField(Func<TEntity, TEntity, bool> same, Action<TEntity, TEntity> copy) => (_same, _copy) = (same, copy);

    public static ComparedField<TEntity> Of<TValue>(Func<TEntity, TValue> get, Action<TEntity, TValue> set) =>
        new((a, b) => EqualityComparer<TValue>.Default.Equals(get(a), get(b)), (from, to) => set(to, get(from)));

    public bool Same(TEntity sent, TEntity stored) => _same(sent, stored);

    public void Copy(TEntity sent, TEntity stored) => _copy(sent, stored);
}
