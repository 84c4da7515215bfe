using GraphQL;
using WelfareGraph.Data;
using WelfareGraph.Periods;

namespace WelfareGraph.Ingestion;

/// <summary>Closing a province's month stops writes into it (<c>PERIOD_CLOSED</c>) so a published statement stays reproducible.</summary>
public static class PeriodClosing
{
    public static async Task<ClosedPeriod> CloseAsync(
        WelfareDbContext db,
        DataVersionClock versions,
        string provinceCode,
        int year,
        int month,
        string by,
        CancellationToken cancellationToken
    )
    {
        var provinceId = await ProvinceIdAsync(db, provinceCode, year, month, cancellationToken);
        var existing = await db.ClosedPeriods.SingleOrDefaultAsync(
            p => p.ProvinceId == provinceId && p.Year == year && p.Month == month,
            cancellationToken
        );
        if (existing is not null)
            return existing;
        var closed = new ClosedPeriod
        {
            ProvinceId = provinceId,
            Year = year,
            Month = month,
            ClosedAt = DateTime.UtcNow,
            ClosedBy = by,
        };
        // The closed month is part of answers (closedPeriods, the report's state): it moves the data version.
        await VersionedWrite.AddAsync(db, versions, closed, cancellationToken);
        return closed;
    }

    public static async Task<bool> ReopenAsync(
        WelfareDbContext db,
        DataVersionClock versions,
        string provinceCode,
        int year,
        int month,
        CancellationToken cancellationToken
    )
    {
        var provinceId = await ProvinceIdAsync(db, provinceCode, year, month, cancellationToken);
        var closed = db.ClosedPeriods.Where(p => p.ProvinceId == provinceId && p.Year == year && p.Month == month);
        return await VersionedWrite.RunAsync(
            db,
            versions,
            async () => await closed.ExecuteDeleteAsync(cancellationToken) > 0,
            cancellationToken
        );
    }

    private static async Task<int> ProvinceIdAsync(
        WelfareDbContext db,
        string provinceCode,
        int year,
        int month,
        CancellationToken cancellationToken
    )
    {
        if (!SolarCalendar.IsValid(year, month, 1))
            throw new ExecutionError($"{year}-{month:D2} is not a Solar Hijri month.") { Code = IngestionCodes.InvalidDate };
        return await db.Provinces.Where(p => p.Code == provinceCode).Select(p => (int?)p.Id).SingleOrDefaultAsync(cancellationToken)
            ?? throw new ExecutionError($"There is no province with code '{provinceCode}'.") { Code = IngestionCodes.UnknownProvince };
    }
}
