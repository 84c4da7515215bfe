using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using WelfareGraph.Analytics;
using WelfareGraph.Contributions;
using WelfareGraph.Data;
using WelfareGraph.Periods;

namespace WelfareGraph.Tests.Data;

/// <summary>
/// No SQL Server engine runs here: SQL Server is verified through the SQL EF generates for it,
/// without a connection.
/// </summary>
public sealed class SqlServerProviderTests
{
    private static SqlServerWelfareDbContext Context()
    {
        var builder = new DbContextOptionsBuilder<SqlServerWelfareDbContext>();
        DataServiceCollectionExtensions.Configure(
            builder,
            new DatabaseOptions { Provider = DatabaseProvider.SqlServer },
            "Server=unused;Database=WelfareGraph;TrustServerCertificate=true"
        );
        return new SqlServerWelfareDbContext(builder.Options);
    }

    [Fact]
    public void The_migrations_script_creates_every_table_with_its_keys_and_checks()
    {
        using var db = Context();
        var script = db.GetService<IMigrator>().GenerateScript();

        foreach (var table in new[] { "provinces", "counties", "charities", "centers", "households", "contributions" })
            Assert.Contains($"CREATE TABLE [{table}]", script);
        Assert.Contains("[amount_rial] bigint NOT NULL", script);
        Assert.Contains("[date] date NOT NULL", script);
        Assert.Contains("CONSTRAINT [ck_contributions_amount] CHECK (amount_rial > 0)", script);
        Assert.Contains("CREATE UNIQUE INDEX [ix_contributions_source_system_external_id]", script);
        Assert.Contains("INCLUDE ([amount_rial])", script);
        // All 31 provinces are reference data in every database.
        Assert.Equal(31, System.Text.RegularExpressions.Regex.Matches(script, @"N'IR-\d\d'").Count);
        Assert.Contains("N'زنجان'", script);
    }

    [Fact]
    public void Provinces_are_seeded_by_the_migration_on_every_provider()
    {
        foreach (
            var migration in typeof(WelfareDbContext)
                .Assembly.GetTypes()
                .Where(t => t.Name.EndsWith("_Initial", StringComparison.Ordinal) || t.Name == "Initial")
        )
            Assert.True(migration.IsSubclassOf(typeof(Migration)));
        using var db = Context();
        Assert.Contains(db.Database.GetMigrations(), m => m.EndsWith("_Initial", StringComparison.Ordinal));
    }

    [Fact]
    public void The_period_filter_uses_the_stored_solar_columns_in_SQL_Server()
    {
        using var db = Context();
        var sql = db
            .Contributions.InPeriod(ResolvedPeriod.Months(1404, 1, 9))
            .GroupBy(c => new
            {
                c.CountyId,
                c.Type,
                c.SolarMonth,
            })
            .Select(g => new
            {
                g.Key.CountyId,
                g.Key.Type,
                g.Key.SolarMonth,
                Sum = g.Sum(c => c.AmountRial),
                Count = g.Count(),
            })
            .ToQueryString();
        Assert.Contains("[c].[solar_year] = @year", sql.Replace("@__year_0", "@year"), StringComparison.Ordinal);
        Assert.Contains("SUM([c].[amount_rial])", sql);
        Assert.Contains("GROUP BY [c].[county_id], [c].[type], [c].[solar_month]", sql);
        Assert.DoesNotContain("[c].[date]", sql);
        _ = MoneyUnit.Toman;
        _ = ContributionType.Cash;
    }
}
