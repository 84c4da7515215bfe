using Microsoft.Extensions.DependencyInjection;
using WelfareGraph.Centers;
using WelfareGraph.Contributions;
using WelfareGraph.Data;
using WelfareGraph.Data.Generation;
using WelfareGraph.Periods;
using WelfareGraph.Querying;
using WelfareGraph.Security;
using WelfareGraph.Tests.Infrastructure;

namespace WelfareGraph.Tests.Analytics;

/// <summary>
/// A server on a data set made to have small cells: two big counties and four tiny ones, whose county ×
/// benefit cells hold 1–7 covered households, plus households that left before or joined after the day.
/// </summary>
public sealed class SmallCellsServer : IAsyncLifetime
{
    public static readonly DateOnly AsOf = SolarCalendar.ToGregorian(1404, 6, 31);

    public static readonly DataSetSpec Spec = new()
    {
        Seed = 4040,
        SourceSystem = "small",
        Provinces =
        [
            new ProvinceSpec(
                "IR-20",
                [
                    new("IR-20-01", "شهرستان ۱", "County 1", 40_000, 900),
                    new("IR-20-02", "شهرستان ۲", "County 2", 30_000, 600),
                    new("IR-20-03", "شهرستان ۳", "County 3", 2_000, 3),
                    new("IR-20-04", "شهرستان ۴", "County 4", 1_500, 1),
                    new("IR-20-05", "شهرستان ۵", "County 5", 2_500, 6),
                    new("IR-20-06", "شهرستان ۶", "County 6", 1_200, 2),
                ],
                new HouseholdSpec(AsOf, Pensioners: 1_520, OtherServices: 760, ExitedBefore: 80, JoinedAfter: 40),
                [new("IR-20-01", "مرکز", "Centre", CenterKind.Elderly, CenterOwnership.Government, 50, 40)],
                CharitiesPerCounty: 1
            ),
        ],
        Budgets = [new("IR-20", 1404, 1, 6, Sector.Government, ContributionType.Cash, 1_000_000_000)],
        ContributionsPerCell = 1,
    };

    public GeneratedDataSet Set { get; } = DataSetGenerator.Generate(Spec);
    public WelfareGraphFactory Factory { get; private set; } = null!;
    public GraphQLClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Factory = new WelfareGraphFactory(new Dictionary<string, string?> { ["Database:SeedDemoData"] = "false" });
        Client = new GraphQLClient(Factory.CreateClient());
        await using var db = Factory.Services.GetRequiredService<SystemDbContextFactory>().CreateDbContext();
        await DataSetWriter.WriteAsync(db, Set);
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }
}
