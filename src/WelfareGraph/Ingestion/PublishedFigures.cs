using WelfareGraph.Analytics;

namespace WelfareGraph.Ingestion;

/// <summary>The figures of a statement, in rial, as stored with a published report.</summary>
public sealed record PublishedFigures(
    long Cash,
    long InKind,
    long VolunteerServices,
    long Charities,
    long Total,
    int Covered,
    int AllHouseholds,
    int Pensioners,
    int OtherServices,
    int CenterResidents
)
{
    public static PublishedFigures From(ParticipationReport report) =>
        new(
            (long)report.Government.Cash,
            (long)report.Government.InKind,
            (long)report.Government.VolunteerServices,
            (long)report.Charities,
            (long)report.Total,
            report.Households.Covered,
            report.Households.AllHouseholds,
            report.Households.Pensioners,
            report.Households.OtherServices,
            report.CenterResidents
        );

    /// <summary>Each figure by name, for comparing a published statement with today's data.</summary>
    public IEnumerable<(string Name, long Value)> Named() =>
        [
            ("cash", Cash),
            ("inKind", InKind),
            ("volunteerServices", VolunteerServices),
            ("charities", Charities),
            ("total", Total),
            ("covered", Covered),
            ("allHouseholds", AllHouseholds),
            ("pensioners", Pensioners),
            ("otherServices", OtherServices),
            ("centerResidents", CenterResidents),
        ];
}
