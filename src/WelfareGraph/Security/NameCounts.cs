namespace WelfareGraph.Security;

/// <summary>
/// How many fields of a selection set share each response name, for the same-name limit. At most
/// <see cref="Tracked"/> names are kept, so merging one set into another costs a constant, whatever the
/// document; fields of further names only raise a bound every name shares (<see cref="Untracked"/>), which
/// keeps the largest count an upper bound. A selection set of a valid document has fewer names than that:
/// a type's fields plus at most <c>GraphQL:MaxAliases</c> aliases.
/// </summary>
public sealed class NameCounts
{
    public const int Tracked = 64;

    private Dictionary<string, long>? _counts;

    /// <summary>Fields whose names are not tracked: any name may be among them.</summary>
    public long Untracked { get; private set; }

    public void Add(string name, long count)
    {
        _counts ??= new(StringComparer.Ordinal);
        if (_counts.TryGetValue(name, out var known))
            _counts[name] = Saturating.Add(known, count);
        else if (_counts.Count < Tracked)
            _counts[name] = count;
        else
            Untracked = Saturating.Add(Untracked, count);
    }

    /// <returns>The work done: the names merged.</returns>
    public long Add(NameCounts other)
    {
        Untracked = Saturating.Add(Untracked, other.Untracked);
        if (other._counts is null)
            return 1;
        foreach (var (name, count) in other._counts)
            Add(name, count);
        return other._counts.Count;
    }

    /// <summary>The name with the most fields, and their number (untracked fields included, as a bound).</summary>
    public (string? Name, long Count) Largest()
    {
        var (name, count) = ((string?)null, 0L);
        foreach (var pair in _counts ?? [])
            if (pair.Value > count)
                (name, count) = (pair.Key, pair.Value);
        return (name, Saturating.Add(count, Untracked));
    }
}
