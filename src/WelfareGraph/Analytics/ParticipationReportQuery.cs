using GraphQL;
using Microsoft.EntityFrameworkCore;
using WelfareGraph.Contributions;
using WelfareGraph.Data;
using WelfareGraph.Households;
using WelfareGraph.Periods;

namespace WelfareGraph.Analytics;

public static class ParticipationReportQuery
{
    /// <summary>Four grouped SQL queries: contributions by sector × type, households by benefit, all households, residents.</summary>
    public static async Task<ParticipationReport> RunAsync(WelfareDbContext db, string provinceCode, ResolvedPeriod period, MoneyUnit unit,
        CancellationToken cancellationToken)
    {
        var province = await db.Provinces.SingleOrDefaultAsync(p => p.Code == provinceCode, cancellationToken)
            ?? throw new ExecutionError($"There is no province with code '{provinceCode}'.") { Code = "UNKNOWN_PROVINCE" };

        var sums = await db.Contributions
            .Where(c => c.County.ProvinceId == province.Id)
            .InPeriod(period)
            .GroupBy(c => new { c.Sector, c.Type })
            .Select(g => new { g.Key.Sector, g.Key.Type, Rial = g.Sum(c => c.AmountRial) })
            .ToListAsync(cancellationToken);
        long Rial(Sector sector, ContributionType? type = null) =>
            sums.Where(s => s.Sector == sector && (type is null || s.Type == type)).Sum(s => s.Rial);

        var asOf = period.To;
        var benefits = await db.Households
            .Where(h => h.County.ProvinceId == province.Id)
            .CoveredOn(asOf)
            .GroupBy(h => h.Benefit)
            .Select(g => new { Benefit = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        int Covered(Benefit benefit) => benefits.Where(b => b.Benefit == benefit).Sum(b => b.Count);

        var allHouseholds = await db.Counties.Where(c => c.ProvinceId == province.Id).SumAsync(c => c.TotalHouseholds, cancellationToken);
        var residents = await db.Centers.Where(c => c.County.ProvinceId == province.Id).SumAsync(c => c.Residents, cancellationToken);

        var government = new GovernmentTotals(
            unit.FromRial(Rial(Sector.Government, ContributionType.Cash)),
            unit.FromRial(Rial(Sector.Government, ContributionType.InKind)),
            unit.FromRial(Rial(Sector.Government, ContributionType.VolunteerService)),
            unit.FromRial(Rial(Sector.Government)));
        return new ParticipationReport(province, period, unit, government,
            unit.FromRial(Rial(Sector.Charity)),
            unit.FromRial(sums.Sum(s => s.Rial)),
            new HouseholdCoverage(Covered(Benefit.Pension) + Covered(Benefit.OtherServices), allHouseholds,
                Covered(Benefit.Pension), Covered(Benefit.OtherServices)),
            residents);
    }
}
