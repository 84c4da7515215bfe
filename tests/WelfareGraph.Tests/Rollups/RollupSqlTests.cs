using Microsoft.EntityFrameworkCore;
using WelfareGraph.Analytics;
using WelfareGraph.Contributions;
using WelfareGraph.Data;
using WelfareGraph.Data.Rollups;
using WelfareGraph.Periods;

namespace WelfareGraph.Tests.Rollups;

/// <summary>
/// The SQL of rollup-answered totals on each provider (through ToQueryString: SQL Server has no engine here, and the
/// text is what each provider would run), and the maintenance statements as each provider receives them.
/// </summary>
public sealed class RollupSqlTests
{
    private static TContext Context<TContext>(
        DatabaseProvider provider,
        string connection,
        Func<DbContextOptions<TContext>, TContext> create
    )
        where TContext : WelfareDbContext
    {
        var builder = new DbContextOptionsBuilder<TContext>();
        DataServiceCollectionExtensions.Configure(builder, new DatabaseOptions { Provider = provider }, connection);
        return create(builder.Options);
    }

    public static TheoryData<DatabaseProvider> Providers =>
        new() { DatabaseProvider.Sqlite, DatabaseProvider.Postgres, DatabaseProvider.SqlServer };

    private static WelfareDbContext ContextOf(DatabaseProvider provider) =>
        provider switch
        {
            DatabaseProvider.SqlServer => Context<SqlServerWelfareDbContext>(
                provider,
                "Server=unused;Database=WelfareGraph;TrustServerCertificate=true",
                o => new SqlServerWelfareDbContext(o)
            ),
            DatabaseProvider.Postgres => Context<PostgresWelfareDbContext>(
                provider,
                "Host=unused;Database=welfaregraph",
                o => new PostgresWelfareDbContext(o)
            ),
            _ => Context<SqliteWelfareDbContext>(provider, "Data Source=:memory:", o => new SqliteWelfareDbContext(o)),
        };

    private static readonly ContributionTotalsRequest ByCountyTypeMonth = new()
    {
        GroupBy = [ContributionDimension.County, ContributionDimension.Type, ContributionDimension.Month],
        Period = ResolvedPeriod.Months(1404, 1, 9),
        NeedsMax = true,
    };

    [Theory]
    [MemberData(nameof(Providers))]
    public void Whole_months_by_county_type_and_month_are_summed_from_the_county_rollup(DatabaseProvider provider)
    {
        using var db = ContextOf(provider);
        var source = new ContributionSource(db, c => c.Type != ContributionType.VolunteerService, useRollups: true);
        var sql = ContributionTotalsQuery.GroupQuery(source, ByCountyTypeMonth, maxGroups: 50_000).ToQueryString();

        Assert.Equal([ContributionSource.CountyRollup], source.Used);
        var plain = Plain(sql);
        Assert.Contains("FROM CONTRIBUTIONS_COUNTY_MONTHLY AS C", plain);
        Assert.Contains("SUM(C.SUM_RIAL)", plain);
        Assert.Contains("SUM(C.ROW_COUNT)", plain); // a group's count is the sum of its cells' counts
        Assert.Contains("MAX(C.MAX_RIAL)", plain);
        Assert.Contains("C.SOLAR_YEAR = @FROMYEAR", plain); // the months are the key's leading columns
        Assert.Contains("GROUP BY C.SOLAR_MONTH, C.COUNTY_ID, C.TYPE", plain);
        Assert.DoesNotContain("AMOUNT_RIAL", plain);
        Assert.DoesNotContain("FROM CONTRIBUTIONS AS", plain);
        Assert.DoesNotContain("CONTRIBUTIONS_MONTHLY", plain);
        // The caller's scope applies to the cells as to the facts.
        Assert.Contains("EF_FILTER__ISNATIONAL", plain);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void A_sector_intent_or_channel_in_the_grouping_or_the_condition_is_summed_from_the_monthly_rollup(DatabaseProvider provider)
    {
        using var db = ContextOf(provider);
        var bySector = new ContributionSource(db, c => c.Type != ContributionType.VolunteerService, useRollups: true);
        var sectorSql = ContributionTotalsQuery
            .GroupQuery(
                bySector,
                ByCountyTypeMonth with
                {
                    GroupBy = [ContributionDimension.County, ContributionDimension.Sector, ContributionDimension.Month],
                },
                maxGroups: 50_000
            )
            .ToQueryString();
        var onChannel = new ContributionSource(db, c => c.Channel == Channel.Online, useRollups: true);
        var channelSql = ContributionTotalsQuery.GroupQuery(onChannel, ByCountyTypeMonth, maxGroups: 50_000).ToQueryString();

        Assert.All([bySector, onChannel], source => Assert.Equal([ContributionSource.Rollup], source.Used));
        Assert.Contains("FROM CONTRIBUTIONS_MONTHLY AS C", Plain(sectorSql));
        Assert.Contains("GROUP BY C.SOLAR_MONTH, C.COUNTY_ID, C.SECTOR", Plain(sectorSql));
        Assert.Contains("FROM CONTRIBUTIONS_MONTHLY AS C", Plain(channelSql));
        Assert.Contains("C.CHANNEL = ", Plain(channelSql));
        Assert.Contains("EF_FILTER__ISNATIONAL", Plain(channelSql));
    }

    /// <summary>Written without the providers' quoting, to read the same on all three.</summary>
    private static string Plain(string sql) => sql.Replace("[", "").Replace("]", "").Replace("\"", "").ToUpperInvariant();

    [Theory]
    [MemberData(nameof(Providers))]
    public void A_condition_on_the_amount_a_day_range_or_a_centre_goes_to_the_facts(DatabaseProvider provider)
    {
        using var db = ContextOf(provider);
        var byAmount = new ContributionSource(db, c => c.AmountRial > 1_000, useRollups: true);
        ContributionTotalsQuery.GroupQuery(byAmount, ByCountyTypeMonth, 50_000).ToQueryString();
        var byDays = new ContributionSource(db, null, useRollups: true);
        ContributionTotalsQuery
            .GroupQuery(
                byDays,
                ByCountyTypeMonth with
                {
                    Period = new ResolvedPeriod(new DateOnly(2025, 4, 2), new DateOnly(2025, 5, 9)),
                },
                50_000
            )
            .ToQueryString();
        var byCenter = new ContributionSource(db, null, useRollups: true);
        ContributionTotalsQuery
            .GroupQuery(byCenter, ByCountyTypeMonth with { GroupBy = [ContributionDimension.Center] }, 50_000)
            .ToQueryString();
        var switchedOff = new ContributionSource(db, null, useRollups: false);
        ContributionTotalsQuery.GroupQuery(switchedOff, ByCountyTypeMonth, 50_000).ToQueryString();

        Assert.All([byAmount, byDays, byCenter, switchedOff], source => Assert.Equal([ContributionSource.Facts], source.Used));
    }

    [Fact]
    public void A_month_aligned_range_across_years_reads_the_cells_of_those_months()
    {
        // Mehr 1403 (2024-09-22) to the end of Khordad 1404 (2025-06-21).
        var months = SolarMonths.Of(new ResolvedPeriod(new DateOnly(2024, 9, 22), new DateOnly(2025, 6, 21)));
        Assert.Equal(new SolarMonths(1403, 7, 1404, 3), months);
        Assert.Null(SolarMonths.Of(new ResolvedPeriod(new DateOnly(2024, 9, 23), new DateOnly(2025, 6, 21))));
        Assert.Null(SolarMonths.Of(new ResolvedPeriod(new DateOnly(2024, 9, 22), new DateOnly(2025, 6, 20))));
        var inside = RollupFilter.Translate<MonthlyContribution>(months!.Value.Contains())!.Compile();
        Assert.True(inside(new MonthlyContribution { SolarYear = 1403, SolarMonth = 12 }));
        Assert.True(inside(new MonthlyContribution { SolarYear = 1404, SolarMonth = 3 }));
        Assert.False(inside(new MonthlyContribution { SolarYear = 1403, SolarMonth = 6 }));
        Assert.False(inside(new MonthlyContribution { SolarYear = 1404, SolarMonth = 4 }));
    }

    private static readonly (MonthlyCell, CellTotals)[] TwoCells =
    [
        (
            new MonthlyCell(1404, 7, 3, ContributionType.Cash, Sector.Charity, Intent.Livelihood, Channel.Online),
            new CellTotals(900, 2, 400, 500)
        ),
        (
            new MonthlyCell(1404, 8, 3, ContributionType.InKind, Sector.Government, Intent.Unrestricted, Channel.BankAccount),
            CellTotals.Of(70)
        ),
    ];

    [Fact]
    public void SQL_Server_adds_to_cells_with_one_MERGE_under_HOLDLOCK_and_serialises_writers_with_an_application_lock()
    {
        var sql = MonthlyRollupSql.For(DatabaseProvider.SqlServer);
        var merge = sql.Add(TwoCells);

        Assert.StartsWith("MERGE contributions_monthly WITH (HOLDLOCK) AS m", merge);
        Assert.Contains("USING (VALUES (1404, 7, 3, 1, 2, 2, 5, 3, 900, 2, 400, 500), (1404, 8, 3, 2, 1, 5, 2, 3, 70, 1, 70, 70))", merge);
        Assert.Contains(
            "WHEN MATCHED THEN UPDATE SET m.sum_rial = m.sum_rial + d.sum_rial, m.row_count = m.row_count + d.row_count",
            merge
        );
        Assert.Contains("m.min_rial = CASE WHEN d.min_rial < m.min_rial THEN d.min_rial ELSE m.min_rial END", merge);
        Assert.Contains("WHEN NOT MATCHED THEN INSERT", merge);
        Assert.EndsWith(";", merge.TrimEnd());
        Assert.Contains("sp_getapplock", sql.Lock);
        Assert.Contains("@LockOwner = N'Transaction'", sql.Lock);
        var (delete, insert) = (sql.Recompute([TwoCells[0].Item1])[0], sql.Recompute([TwoCells[0].Item1])[1]);
        Assert.StartsWith(
            "WITH cells (solar_year, solar_month, county_id, type, sector, "
                + "intent, channel) AS (SELECT * FROM (VALUES (1404, 7, 3, 1, 2, 2, 5))",
            delete
        );
        Assert.Contains("DELETE FROM contributions_monthly WHERE EXISTS", delete);
        Assert.Contains("WHERE f.is_retracted = 0 GROUP BY", insert);
    }

    [Fact]
    public void PostgreSQL_and_SQLite_add_with_insert_on_conflict()
    {
        var postgres = MonthlyRollupSql.For(DatabaseProvider.Postgres).Add(TwoCells);
        Assert.Contains("ON CONFLICT (solar_year, solar_month, county_id, type, sector, intent, channel) DO UPDATE", postgres);
        Assert.Contains("LEAST(m.min_rial, excluded.min_rial)", postgres);
        Assert.Contains("pg_advisory_xact_lock", MonthlyRollupSql.For(DatabaseProvider.Postgres).Lock);

        var sqlite = MonthlyRollupSql.For(DatabaseProvider.Sqlite).Add(TwoCells);
        Assert.Contains("min(min_rial, excluded.min_rial)", sqlite);
        // SQLite has one writer at a time: no lock statement.
        Assert.Null(MonthlyRollupSql.For(DatabaseProvider.Sqlite).Lock);
    }

    [Fact]
    public void The_county_rollup_adds_by_its_four_keys_and_is_recomputed_from_the_monthly_cells()
    {
        var sql = MonthlyRollupSql.For(DatabaseProvider.SqlServer, RollupGrain.County);
        var county = TwoCells.Select(c => (RollupGrain.County.Of(c.Item1), c.Item2)).ToList();

        var merge = sql.Add(county);
        Assert.StartsWith("MERGE contributions_county_monthly WITH (HOLDLOCK) AS m", merge);
        Assert.Contains("USING (VALUES (1404, 7, 3, 1, 3, 900, 2, 400, 500), (1404, 8, 3, 2, 3, 70, 1, 70, 70))", merge);
        Assert.Contains("AS d (solar_year, solar_month, county_id, type, solar_quarter, sum_rial", merge);
        var (delete, insert) = (sql.Recompute([county[0].Item1])[0], sql.Recompute([county[0].Item1])[1]);
        Assert.StartsWith("WITH cells (solar_year, solar_month, county_id, type) AS (SELECT * FROM (VALUES (1404, 7, 3, 1))", delete);
        Assert.Contains("DELETE FROM contributions_county_monthly WHERE EXISTS", delete);
        // Summed from the monthly cells, which hold no retracted rows: no condition on retraction.
        Assert.Contains("INSERT INTO contributions_county_monthly", insert);
        Assert.Contains("SUM(f.row_count) AS row_count, MIN(f.min_rial) AS min_rial", insert);
        Assert.Contains("FROM contributions_monthly AS f JOIN cells AS v", insert);
        Assert.DoesNotContain("is_retracted", insert);
        // Verified against the facts themselves, not against the monthly cells it is summed from.
        var verify = sql.CountDifferences(1404);
        Assert.Contains("FROM contributions AS f WHERE f.is_retracted = 0 AND f.solar_year = 1404", verify);
        Assert.DoesNotContain("contributions_monthly", verify);

        var postgres = MonthlyRollupSql.For(DatabaseProvider.Postgres, RollupGrain.County).Add(county);
        Assert.Contains("ON CONFLICT (solar_year, solar_month, county_id, type) DO UPDATE", postgres);
    }
}
