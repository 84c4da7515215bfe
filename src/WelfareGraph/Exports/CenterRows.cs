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
        .. Places.Columns,
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
        new(
            Columns,
            EntityRows.StreamAsync(
                contexts,
                db =>
                    where(db.Centers)
                        .AsNoTracking()
                        .OrderBy(c => c.Code)
                        .Select(c => new CenterRow(c.Code, c.Name, c.NameEn, c.Kind, c.Ownership, c.Capacity, c.Residents, c.CountyId)),
                (c, places) =>
                    [
                        c.Code,
                        c.Name,
                        c.NameEn,
                        EnumNames<CenterKind>.Of(c.Kind),
                        EnumNames<CenterOwnership>.Of(c.Ownership),
                        (long)c.Capacity,
                        (long)c.Residents,
                        .. places.Of(c.CountyId),
                    ]
            )
        );
}
