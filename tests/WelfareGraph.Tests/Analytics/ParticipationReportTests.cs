using System.Text.Json.Nodes;
using WelfareGraph.Tests.Infrastructure;

namespace WelfareGraph.Tests.Analytics;

/// <summary>The published Zanjan statement, reproduced from the demo data's fact rows.</summary>
public abstract class ParticipationReportTests
{
    protected const string Query = """
        query Statement($period: PeriodInput!) {
          participationReport(province: "IR-19", period: $period) {
            province { code nameEn }
            period { from to label labelFa }
            unit
            government { cash inKind volunteerServices total }
            charities
            total
            households { covered allHouseholds coverageRate pensioners pensionerShare otherServices otherServicesShare }
            centerResidents
            statementFa
            statementEn
          }
        }
        """;

    protected abstract GraphQLClient Client { get; }

    [Fact]
    public async Task Nine_months_of_1404_give_the_published_figures()
    {
        var data = await Client.DataAsync(
            Query,
            new
            {
                period = new
                {
                    year = 1404,
                    fromMonth = 1,
                    toMonth = 9,
                },
            }
        );
        var report = data["participationReport"]!;

        Assert.Equal("TOMAN", report["unit"]!.GetValue<string>());
        Assert.Equal("2025-03-21", report["period"]!["from"]!.GetValue<string>());
        Assert.Equal("2025-12-21", report["period"]!["to"]!.GetValue<string>());
        Assert.Equal("1404-01..1404-09", report["period"]!["label"]!.GetValue<string>());
        Assert.Equal(5_300_000_000m, Decimal(report["government"]!["cash"]));
        Assert.Equal(33_600_000_000m, Decimal(report["government"]!["inKind"]));
        Assert.Equal(1_150_000_000m, Decimal(report["government"]!["volunteerServices"]));
        Assert.Equal(40_050_000_000m, Decimal(report["government"]!["total"]));
        Assert.Equal(16_000_000_000m, Decimal(report["charities"]));
        Assert.Equal(56_050_000_000m, Decimal(report["total"]));

        var households = report["households"]!;
        Assert.Equal(30_606, households["covered"]!.GetValue<int>());
        Assert.Equal(382_575, households["allHouseholds"]!.GetValue<int>());
        Assert.Equal(0.08, households["coverageRate"]!.GetValue<double>(), 10);
        Assert.Equal(19_361, households["pensioners"]!.GetValue<int>());
        Assert.Equal(11_245, households["otherServices"]!.GetValue<int>());
        Assert.Equal(0.63, households["pensionerShare"]!.GetValue<double>(), 2);
        Assert.True(report["centerResidents"]!.GetValue<int>() > 1_000);

        var fa = report["statementFa"]!.GetValue<string>();
        Assert.Contains("پنج میلیارد و ۳۰۰ میلیون تومان", fa);
        Assert.Contains("۳۰ هزار و ۶۰۶ خانوار", fa);
        Assert.Contains("زنجان", fa);
        var en = report["statementEn"]!.GetValue<string>();
        Assert.Contains("56.05 billion toman", en);
        Assert.Contains("30,606 households (8 %", en);
    }

    [Fact]
    public async Task Rial_is_ten_times_toman()
    {
        var data = await Client.DataAsync(
            """
            { participationReport(province: "IR-19", period: { year: 1404, fromMonth: 1, toMonth: 9 }, unit: RIAL)
              { unit total charities } }
            """
        );
        Assert.Equal("RIAL", data["participationReport"]!["unit"]!.GetValue<string>());
        Assert.Equal(560_500_000_000m, Decimal(data["participationReport"]!["total"]));
        Assert.Equal(160_000_000_000m, Decimal(data["participationReport"]!["charities"]));
    }

    [Fact]
    public async Task Gregorian_dates_of_the_same_nine_months_give_the_same_total()
    {
        var solar = await Client.DataAsync(
            Query,
            new
            {
                period = new
                {
                    year = 1404,
                    fromMonth = 1,
                    toMonth = 9,
                },
            }
        );
        var gregorian = await Client.DataAsync(Query, new { period = new { from = "2025-03-21", to = "2025-12-21" } });
        Assert.Equal(Decimal(solar["participationReport"]!["total"]), Decimal(gregorian["participationReport"]!["total"]));
        Assert.Equal(
            solar["participationReport"]!["households"]!.ToJsonString(),
            gregorian["participationReport"]!["households"]!.ToJsonString()
        );
    }

    [Fact]
    public async Task An_unknown_province_is_a_precise_error()
    {
        var json = await Client.QueryAsync("""{ participationReport(province: "IR-99", period: { year: 1404 }) { total } }""");
        Assert.Equal("UNKNOWN_PROVINCE", json["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    protected static decimal Decimal(JsonNode? node) => node!.GetValue<decimal>();
}

public sealed class SqliteParticipationReportTests : ParticipationReportTests, IClassFixture<SqliteDemoServer>
{
    public SqliteParticipationReportTests(SqliteDemoServer server) => Client = server.Client;

    protected override GraphQLClient Client { get; }
}

public sealed class PostgresParticipationReportTests : ParticipationReportTests, IClassFixture<PostgresDemoServer>
{
    public PostgresParticipationReportTests(PostgresDemoServer server) => Client = server.Client;

    protected override GraphQLClient Client { get; }
}
