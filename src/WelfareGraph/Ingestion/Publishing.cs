using System.Text.Json;
using GraphQL;
using Microsoft.EntityFrameworkCore;
using WelfareGraph.Analytics;
using WelfareGraph.Data;
using WelfareGraph.Periods;

namespace WelfareGraph.Ingestion;

/// <summary>The figures of a statement, in rial, as stored with a published report.</summary>
public sealed record PublishedFigures(long Cash, long InKind, long VolunteerServices, long Charities, long Total,
    int Covered, int AllHouseholds, int Pensioners, int OtherServices, int CenterResidents)
{
    public static PublishedFigures From(ParticipationReport report) => new(
        (long)report.Government.Cash, (long)report.Government.InKind, (long)report.Government.VolunteerServices,
        (long)report.Charities, (long)report.Total, report.Households.Covered, report.Households.AllHouseholds,
        report.Households.Pensioners, report.Households.OtherServices, report.CenterResidents);

    /// <summary>Each figure by name, for comparing a published statement with today's data.</summary>
    public IEnumerable<(string Name, long Value)> Named() =>
    [
        ("cash", Cash), ("inKind", InKind), ("volunteerServices", VolunteerServices), ("charities", Charities), ("total", Total),
        ("covered", Covered), ("allHouseholds", AllHouseholds), ("pensioners", Pensioners), ("otherServices", OtherServices), ("centerResidents", CenterResidents),
    ];
}

/// <summary>A figure that changed since publication (late or corrected records).</summary>
public sealed record Correction(string Figure, long Published, long Current)
{
    public long Difference => Current - Published;
}

public static class Publishing
{
    public static async Task<PublishedReport> PublishAsync(WelfareDbContext db, string provinceCode, ResolvedPeriod period, string by, CancellationToken cancellationToken)
    {
        var report = await ParticipationReportQuery.RunAsync(db, provinceCode, period, MoneyUnit.Rial, cancellationToken);
        var published = new PublishedReport
        {
            ProvinceId = report.Province.Id, From = period.From, To = period.To, PeriodLabel = period.Label,
            FiguresJson = JsonSerializer.Serialize(PublishedFigures.From(report)),
            StatementFa = report.StatementFa, StatementEn = report.StatementEn, PublishedAt = DateTime.UtcNow, PublishedBy = by,
        };
        db.PublishedReports.Add(published);
        await db.SaveChangesAsync(cancellationToken);
        return published;
    }

    public static PublishedFigures Figures(PublishedReport report) =>
        JsonSerializer.Deserialize<PublishedFigures>(report.FiguresJson) ?? throw new ExecutionError("A published report has no figures.");

    /// <summary>Today's figures for the same province and period, and what differs from the published ones.</summary>
    public static async Task<(PublishedFigures Current, IReadOnlyList<Correction> Corrections)> CompareAsync(WelfareDbContext db, PublishedReport report,
        CancellationToken cancellationToken)
    {
        var code = await db.Provinces.Where(p => p.Id == report.ProvinceId).Select(p => p.Code).SingleAsync(cancellationToken);
        var period = ResolvedPeriod.FromLabel(report.PeriodLabel, report.From, report.To);
        var current = PublishedFigures.From(await ParticipationReportQuery.RunAsync(db, code, period, MoneyUnit.Rial, cancellationToken));
        var corrections = Figures(report).Named().Zip(current.Named())
            .Where(p => p.First.Value != p.Second.Value)
            .Select(p => new Correction(p.First.Name, p.First.Value, p.Second.Value)).ToList();
        return (current, corrections);
    }
}
