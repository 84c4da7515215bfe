using System.Text.Json;
using GraphQL;
using WelfareGraph.Analytics;
using WelfareGraph.Data;
using WelfareGraph.Periods;
using WelfareGraph.Reports;

namespace WelfareGraph.Ingestion;

/// <summary>Publishing a participation statement as it stands, and comparing it later with today's data.</summary>
public static class Publishing
{
    public static async Task<PublishedReport> PublishAsync(
        WelfareDbContext db,
        DataVersionClock versions,
        string provinceCode,
        ResolvedPeriod period,
        string by,
        CancellationToken cancellationToken
    )
    {
        var report = await ParticipationReportQuery.RunAsync(db, provinceCode, period, MoneyUnit.Rial, cancellationToken);
        var published = new PublishedReport
        {
            ProvinceId = report.Province.Id,
            From = period.From,
            To = period.To,
            PeriodLabel = period.Label,
            FiguresJson = JsonSerializer.Serialize(PublishedFigures.From(report)),
            StatementFa = report.StatementFa,
            StatementEn = report.StatementEn,
            PublishedAt = DateTime.UtcNow,
            PublishedBy = by,
        };
        await VersionedWrite.AddAsync(db, versions, published, cancellationToken);
        return published;
    }

    public static PublishedFigures Figures(PublishedReport report) =>
        JsonSerializer.Deserialize<PublishedFigures>(report.FiguresJson) ?? throw new ExecutionError("A published report has no figures.");

    /// <summary>Today's figures for the same province and period, and what differs from the published ones.</summary>
    public static async Task<(PublishedFigures Current, IReadOnlyList<Correction> Corrections)> CompareAsync(
        WelfareDbContext db,
        PublishedReport report,
        CancellationToken cancellationToken
    )
    {
        var code = await db.Provinces.Where(p => p.Id == report.ProvinceId).Select(p => p.Code).SingleAsync(cancellationToken);
        var period = ResolvedPeriod.FromLabel(report.PeriodLabel, report.From, report.To);
        var current = PublishedFigures.From(await ParticipationReportQuery.RunAsync(db, code, period, MoneyUnit.Rial, cancellationToken));
        var corrections = Figures(report)
            .Named()
            .Zip(current.Named())
            .Where(p => p.First.Value != p.Second.Value)
            .Select(p => new Correction(p.First.Name, p.First.Value, p.Second.Value))
            .ToList();
        return (current, corrections);
    }
}
