using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using WelfareGraph.Centers;
using WelfareGraph.Data;
using WelfareGraph.Querying;

namespace WelfareGraph.Exports;

/// <summary>
/// Care centres as underlying rows: the centres a <c>centerTotals</c> query (or the <c>centers</c> lists) counts,
/// one row each with what the Center type exposes. Centres are not facts, but they are what the totals add up —
/// an analyst checking a county's occupancy wants the centres behind it. Like the fact tables, rows carry ids
/// and take place names from <see cref="Places"/>, so SQL joins nothing.
/// </summary>
public static class CenterRows
{
    public static readonly IReadOnlyList<ExportColumn> Columns =
    [
        new("code", ColumnKind.Text),
        new("name", ColumnKind.Text),
        new("nameEn", ColumnKind.Text),
        new("kind", ColumnKind.Text, Codes: typeof(CenterKind)),
        new("ownership", ColumnKind.Text, Codes: typeof(CenterOwnership)),
        new("capacity", ColumnKind.Integer),
        new("residents", ColumnKind.Integer),
        new("province.code", ColumnKind.Text),
        new("province.nameFa", ColumnKind.Text),
        new("province.nameEn", ColumnKind.Text),
        new("county.code", ColumnKind.Text),
        new("county.nameFa", ColumnKind.Text),
        new("county.nameEn", ColumnKind.Text),
    ];

    private sealed record CenterRow(
        string Code,
        string Name,
        string? NameEn,
        CenterKind Kind,
        CenterOwnership Ownership,
        int Capacity,
        int Residents,
        int CountyId
    );

    /// <summary>Centre rows in code order (the order of the <c>centers</c> list), each context scoped by the factory.</summary>
    public static ExportTable Table(IDbContextFactory<WelfareDbContext> contexts, Func<IQueryable<Center>, IQueryable<Center>> where) =>
        new(Columns, Rows(contexts, where));

    private static async IAsyncEnumerable<object?[]> Rows(
        IDbContextFactory<WelfareDbContext> contexts,
        Func<IQueryable<Center>, IQueryable<Center>> where,
        [EnumeratorCancellation] CancellationToken cancellationToken = default
    )
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var places = await Places.LoadAsync(db, cancellationToken);
        var rows = where(db.Centers)
            .AsNoTracking()
            .OrderBy(c => c.Code)
            .Select(c => new CenterRow(c.Code, c.Name, c.NameEn, c.Kind, c.Ownership, c.Capacity, c.Residents, c.CountyId))
            .AsAsyncEnumerable();
        await foreach (var c in rows.WithCancellation(cancellationToken))
        {
            var (province, county) = places.OfCounty(c.CountyId);
            yield return
            [
                c.Code,
                c.Name,
                c.NameEn,
                EnumNames<CenterKind>.Of(c.Kind),
                EnumNames<CenterOwnership>.Of(c.Ownership),
                (long)c.Capacity,
                (long)c.Residents,
                province?.Code,
                province?.NameFa,
                province?.NameEn,
                county?.Code,
                county?.NameFa,
                county?.NameEn,
            ];
        }
    }
}
