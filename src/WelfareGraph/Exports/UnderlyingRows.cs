using System.Security.Claims;
using WelfareGraph.Analytics;
using WelfareGraph.Centers;
using WelfareGraph.Contributions;
using WelfareGraph.Data;
using WelfareGraph.Households;
using WelfareGraph.Periods;
using WelfareGraph.Querying;
using WelfareGraph.Security;

namespace WelfareGraph.Exports;

/// <summary>
/// The underlying export: the fact rows behind a totals query (or every row of a list query, unpaged), or for
/// <c>centerTotals</c> the centres it adds up (<see cref="CenterRows"/>) — the root field's own <c>where</c>
/// through the same filter builder the list fields use, its <c>period</c> through
/// <see cref="ContributionQueryExtensions.InPeriod"/>, and the caller's scope through the context factory —
/// streamed from the database with no tracking and no row cap. Place names come from small dictionaries
/// loaded once, so each fact row carries ids only and SQL joins nothing.
/// </summary>
public static class UnderlyingRows
{
    public static readonly IReadOnlyList<string> ContributionFields = ["contributionTotals", "contributions", "contributionsPage"];
    public static readonly IReadOnlyList<string> HouseholdFields = ["householdTotals", "households", "householdsPage"];
    public static readonly IReadOnlyList<string> CenterFields = ["centerTotals", "centers", "centersPage"];

    public static ExportTable Create(
        ClaimsPrincipal user,
        RootField root,
        QueryLimitOptions limits,
        TimeProvider clock,
        IDbContextFactory<WelfareDbContext> contexts
    )
    {
        var where = root.Argument("where") as IDictionary<string, object?>;
        if (ContributionFields.Contains(root.Name))
        {
            Authorize(user, "contributions");
            var filter = QueryArguments.WherePredicate<Contribution>(where, typeof(ContributionGraphType), limits);
            var period = ExportExecution.Period(root, clock);
            return Contributions(
                contexts,
                facts =>
                {
                    var query = filter is null ? facts : facts.Where(filter);
                    return period is null ? query : query.InPeriod(period);
                }
            );
        }
        if (HouseholdFields.Contains(root.Name))
        {
            Authorize(user, "households");
            var filter = QueryArguments.WherePredicate<Household>(where, typeof(HouseholdGraphType), limits);
            // householdTotals counts the households covered on one day; its underlying rows are those households.
            DateOnly? day =
                root.Name == "householdTotals"
                    ? HouseholdTotalsQuery.CountingDay(root.Argument("asOf") as DateOnly?, ExportExecution.Period(root, clock), clock)
                    : null;
            return Households(
                contexts,
                rows =>
                {
                    var query = filter is null ? rows : rows.Where(filter);
                    return day is { } d ? query.CoveredOn(d) : query;
                }
            );
        }
        if (CenterFields.Contains(root.Name))
        {
            Authorize(user, "centers");
            // centerTotals has no period: centres are counted as they are now, so its rows are the centres its where selects.
            var filter = QueryArguments.WherePredicate<Center>(where, typeof(CenterGraphType), limits);
            return CenterRows.Table(contexts, centers => filter is null ? centers : centers.Where(filter));
        }
        throw new ExportException(
            $"Underlying rows exist for {string.Join(", ", ContributionFields.Concat(HouseholdFields).Concat(CenterFields))}; "
                + $"`{root.Name}` has none.",
            "NO_UNDERLYING_ROWS"
        );
    }

    private static void Authorize(ClaimsPrincipal user, string export)
    {
        if (!AccessPolicy.AllowsExport(user, export))
            throw new ExportException(
                $"Underlying {export} rows are not open to your roles.",
                RootFieldAuthorization.NotAuthorized,
                StatusCodes.Status403Forbidden
            );
    }

    public static readonly IReadOnlyList<ExportColumn> ContributionColumns =
    [
        new("id", ColumnKind.Integer),
        new("date", ColumnKind.Date),
        new("solarYear", ColumnKind.Integer),
        new("solarQuarter", ColumnKind.Integer),
        new("solarMonth", ColumnKind.Integer),
        new("type", ColumnKind.Text, Codes: typeof(ContributionType)),
        new("sector", ColumnKind.Text, Codes: typeof(Sector)),
        new("intent", ColumnKind.Text, Codes: typeof(Intent)),
        new("channel", ColumnKind.Text, Codes: typeof(Channel)),
        new("amountRial", ColumnKind.Integer),
        new("quantity", ColumnKind.Decimal),
        new("quantityUnit", ColumnKind.Text, Codes: typeof(QuantityUnit)),
        new("valuationBasis", ColumnKind.Text, Codes: typeof(ValuationBasis)),
        new("description", ColumnKind.Text),
        .. Places.Columns,
        new("center.code", ColumnKind.Text),
        new("center.name", ColumnKind.Text),
        new("charity.code", ColumnKind.Text),
        new("charity.name", ColumnKind.Text),
        new("sourceSystem", ColumnKind.Text),
        new("externalId", ColumnKind.Text),
    ];

    private sealed record ContributionRow(
        long Id,
        DateOnly Date,
        int SolarYear,
        int SolarQuarter,
        int SolarMonth,
        ContributionType Type,
        Sector Sector,
        Intent Intent,
        Channel Channel,
        long AmountRial,
        decimal? Quantity,
        QuantityUnit? QuantityUnit,
        ValuationBasis? ValuationBasis,
        string? Description,
        int CountyId,
        int? CenterId,
        int? CharityId,
        string SourceSystem,
        string ExternalId
    );

    /// <summary>Contribution fact rows in id order, for underlying exports and the Power BI model alike.</summary>
    public static ExportTable Contributions(
        IDbContextFactory<WelfareDbContext> contexts,
        Func<IQueryable<Contribution>, IQueryable<Contribution>> where
    ) =>
        new(
            ContributionColumns,
            EntityRows.StreamAsync(
                contexts,
                db =>
                    where(db.Contributions)
                        .AsNoTracking()
                        .OrderBy(c => c.Id)
                        .Select(c => new ContributionRow(
                            c.Id,
                            c.Date,
                            c.SolarYear,
                            c.SolarQuarter,
                            c.SolarMonth,
                            c.Type,
                            c.Sector,
                            c.Intent,
                            c.Channel,
                            c.AmountRial,
                            c.Quantity,
                            c.QuantityUnit,
                            c.ValuationBasis,
                            c.Description,
                            c.CountyId,
                            c.CenterId,
                            c.CharityId,
                            c.SourceSystem,
                            c.ExternalId
                        )),
                WriteContribution,
                withInstitutions: true
            )
        );

    private static object?[] WriteContribution(ContributionRow c, Places places)
    {
        var center = c.CenterId is { } centerId ? places.Centers.GetValueOrDefault(centerId) : null;
        var charity = c.CharityId is { } charityId ? places.Charities.GetValueOrDefault(charityId) : null;
        return
        [
            c.Id,
            c.Date,
            (long)c.SolarYear,
            (long)c.SolarQuarter,
            (long)c.SolarMonth,
            EnumNames<ContributionType>.Of(c.Type),
            EnumNames<Sector>.Of(c.Sector),
            EnumNames<Intent>.Of(c.Intent),
            EnumNames<Channel>.Of(c.Channel),
            c.AmountRial,
            c.Quantity,
            EnumNames<QuantityUnit>.Of(c.QuantityUnit),
            EnumNames<ValuationBasis>.Of(c.ValuationBasis),
            c.Description,
            .. places.Of(c.CountyId),
            center?.Code,
            center?.Name,
            charity?.Code,
            charity?.Name,
            c.SourceSystem,
            c.ExternalId,
        ];
    }

    public static readonly IReadOnlyList<ExportColumn> HouseholdColumns =
    [
        new("id", ColumnKind.Text),
        new("province.code", ColumnKind.Text),
        new("county.code", ColumnKind.Text),
        new("county.nameFa", ColumnKind.Text),
        new("county.nameEn", ColumnKind.Text),
        new("benefit", ColumnKind.Text, Codes: typeof(Benefit)),
        new("coveredSince", ColumnKind.Date),
        new("coveredUntil", ColumnKind.Date),
        new("exitReason", ColumnKind.Text, Codes: typeof(ExitReason)),
        new("members", ColumnKind.Integer),
    ];

    private sealed record HouseholdRow(
        string Pseudonym,
        int CountyId,
        Benefit Benefit,
        DateOnly CoveredSince,
        DateOnly? CoveredUntil,
        ExitReason? ExitReason,
        int Members
    );

    /// <summary>Household rows (pseudonymous; for Auditor and Admin only — the callers check).</summary>
    public static ExportTable Households(
        IDbContextFactory<WelfareDbContext> contexts,
        Func<IQueryable<Household>, IQueryable<Household>> where
    ) =>
        new(
            HouseholdColumns,
            EntityRows.StreamAsync(
                contexts,
                db =>
                    where(db.Households)
                        .AsNoTracking()
                        .OrderBy(h => h.Id)
                        .Select(h => new HouseholdRow(
                            h.Pseudonym,
                            h.CountyId,
                            h.Benefit,
                            h.CoveredSince,
                            h.CoveredUntil,
                            h.ExitReason,
                            h.Members
                        )),
                WriteHousehold
            )
        );

    private static object?[] WriteHousehold(HouseholdRow h, Places places)
    {
        var (province, county) = places.OfCounty(h.CountyId);
        return
        [
            h.Pseudonym,
            province?.Code,
            county?.Code,
            county?.NameFa,
            county?.NameEn,
            EnumNames<Benefit>.Of(h.Benefit),
            h.CoveredSince,
            h.CoveredUntil,
            EnumNames<ExitReason>.Of(h.ExitReason),
            (long)h.Members,
        ];
    }
}
