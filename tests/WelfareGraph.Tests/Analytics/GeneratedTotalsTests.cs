using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using WelfareGraph.Analytics;
using WelfareGraph.Contributions;
using WelfareGraph.Data;
using WelfareGraph.Data.Generation;
using WelfareGraph.Periods;
using WelfareGraph.Querying;
using WelfareGraph.Security;
using WelfareGraph.Tests.Infrastructure;

namespace WelfareGraph.Tests.Analytics;

/// <summary>
/// Random combinations of dimensions, filters, periods, units, having, order and first on the second
/// generated data set, each against sums computed here in plain C# over the generated rows (Solar Hijri
/// buckets from .NET's PersianCalendar, not from the stored columns).
/// </summary>
public abstract partial class GeneratedTotalsTests(GeneratedDataServer server)
{
    private const string Query = """
        query($where: ContributionFilterInput, $period: PeriodInput, $groupBy: [ContributionDimension!], $unit: MoneyUnit,
              $having: ContributionMeasureFilterInput, $order: [ContributionGroupSortInput!], $first: Int) {
          contributionTotals(where: $where, period: $period, groupBy: $groupBy, unit: $unit, having: $having,
                             order: $order, first: $first) {
            total { sum count min max }
            groups { key { province { code } county { code } type sector intent channel center { code } charity { code }
                           year quarter month period }
                     sum count min max average }
          }
        }
        """;

    private static readonly string[] Dimensions =
    [
        "PROVINCE",
        "COUNTY",
        "TYPE",
        "SECTOR",
        "INTENT",
        "CHANNEL",
        "CENTER",
        "CHARITY",
        "YEAR",
        "QUARTER",
        "MONTH",
        "MONTH_OF_YEAR",
    ];
    private static readonly PersianCalendar Persian = new();

    public static TheoryData<int> Cases() => new(Enumerable.Range(0, 110));

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Random_totals_equal_sums_over_the_generated_rows(int seed)
    {
        var random = new Random(seed * 7919 + 17);
        var set = server.Set;
        var groupBy = Dimensions.OrderBy(_ => random.Next()).Take(random.Next(4)).ToList();
        var (where, keep) = RandomFilter(random, set);
        var (period, from, to) = RandomPeriod(random);
        var unit = random.Next(2) == 0 ? "TOMAN" : "RIAL";
        var divisor = unit == "TOMAN" ? 10m : 1m;

        var rows = set.Contributions.Where(c => keep(c) && (period is null || c.Date >= from && c.Date <= to)).ToList();
        var expected = rows.GroupBy(c => string.Join('|', groupBy.Select(d => KeyOf(c, d))))
            .ToDictionary(
                g => g.Key,
                g =>
                    (
                        Sum: g.Sum(c => c.AmountRial) / divisor,
                        Count: g.Count(),
                        Min: g.Min(c => c.AmountRial) / divisor,
                        Max: g.Max(c => c.AmountRial) / divisor
                    )
            );

        // A quarter of the cases keeps groups by count, a quarter asks for the top groups by sum.
        object? having = null,
            order = null;
        int? first = null;
        var variant = random.Next(4);
        var countBound = expected.Count == 0 ? 0 : expected.Values.Select(v => v.Count).OrderBy(c => c).ElementAt(expected.Count / 2);
        if (variant == 1)
            having = new { count = new { gte = countBound } };
        if (variant == 2)
            (order, first) = (new object[] { new { sum = "DESC" } }, 1 + random.Next(5));

        var data = await server.Client.DataAsync(
            Query,
            new
            {
                where,
                period,
                groupBy,
                unit,
                having,
                order,
                first,
            }
        );
        var totals = data["contributionTotals"]!;
        var context =
            $"case {seed}: groupBy [{string.Join(", ", groupBy)}], where {System.Text.Json.JsonSerializer.Serialize(where)}, "
            + $"period {System.Text.Json.JsonSerializer.Serialize(period)}, {unit}, variant {variant}";

        Assert.True(rows.Sum(c => c.AmountRial) / divisor == totals["total"]!["sum"]!.GetValue<decimal>(), context);
        Assert.True(rows.Count == totals["total"]!["count"]!.GetValue<int>(), context);
        var actual = totals["groups"]!
            .AsArray()
            .ToDictionary(
                g => string.Join('|', groupBy.Select(d => ApiKeyOf(g!["key"]!, d))),
                g =>
                    (
                        Sum: g!["sum"]!.GetValue<decimal>(),
                        Count: g["count"]!.GetValue<int>(),
                        Min: g["min"]!.GetValue<decimal>(),
                        Max: g["max"]!.GetValue<decimal>()
                    )
            );

        var wanted = variant switch
        {
            1 => expected.Where(e => e.Value.Count >= countBound).ToDictionary(),
            2 => expected.OrderByDescending(e => e.Value.Sum).Take(first!.Value).ToDictionary(),
            _ => expected,
        };
        Assert.True(wanted.Count == actual.Count, $"{context}: {wanted.Count} groups expected, {actual.Count} returned");
        foreach (var (key, value) in wanted)
        {
            Assert.True(actual.TryGetValue(key, out var got), $"{context}: group {key} missing");
            Assert.True(value == got, $"{context}: group {key} expected {value}, got {got}");
        }
        if (variant == 2)
        {
            var sums = totals["groups"]!.AsArray().Select(g => g!["sum"]!.GetValue<decimal>()).ToList();
            Assert.Equal(sums.OrderByDescending(s => s), sums);
        }
    }

    [Fact]
    public async Task Rollup_subtotals_equal_sums_by_the_leading_key()
    {
        var data = await server.Client.DataAsync(
            """
            { contributionTotals(period: { year: 1403 }, groupBy: [PROVINCE, SECTOR, TYPE], rollup: true, unit: RIAL) {
                groups { key { province { code } sector type } sum count subtotal } } }
            """
        );
        var groups = data["contributionTotals"]!["groups"]!.AsArray().Select(g => g!).ToList();
        var rows = server.Set.Contributions.Where(c => Persian.GetYear(c.Date.ToDateTime(TimeOnly.MinValue)) == 1403).ToList();
        foreach (var province in rows.GroupBy(c => GeneratedDataSet.ProvinceCodeOf(c.County)))
        {
            var subtotal = groups.Single(g =>
                g["subtotal"]!.GetValue<bool>()
                && g["key"]!["province"]?["code"]?.GetValue<string>() == province.Key
                && g["key"]!["sector"] is null
            );
            Assert.Equal(province.Sum(c => c.AmountRial), subtotal["sum"]!.GetValue<decimal>());
            foreach (var sector in province.GroupBy(c => c.Sector))
            {
                var sectorRow = groups.Single(g =>
                    g["subtotal"]!.GetValue<bool>()
                    && g["key"]!["province"]?["code"]?.GetValue<string>() == province.Key
                    && g["key"]!["sector"]?.GetValue<string>() == Upper(sector.Key.ToString())
                    && g["key"]!["type"] is null
                );
                Assert.Equal(sector.Sum(c => c.AmountRial), sectorRow["sum"]!.GetValue<decimal>());
                Assert.Equal(sector.Count(), sectorRow["count"]!.GetValue<int>());
            }
        }
        Assert.Equal(rows.Sum(c => c.AmountRial), groups[^1]["sum"]!.GetValue<decimal>());
        Assert.Equal(3 * 2 * 3 + 3 * 2 + 3 + 1, groups.Count);
    }

    [Fact]
    public async Task Gap_rows_compare_with_last_year_and_sit_in_their_rollup_branch()
    {
        // 1404 has data to month 9 only: months 10–12 are gap rows, yet 1403 had contributions in them.
        var data = await server.Client.DataAsync(
            """
            { contributionTotals(period: { year: 1404 }, groupBy: [SECTOR, MONTH], fillGaps: true, rollup: true,
              compareTo: SAME_PERIOD_LAST_YEAR, unit: RIAL) {
                groups { key { sector month } sum subtotal comparison { sum count } } } }
            """
        );
        var groups = data["contributionTotals"]!["groups"]!.AsArray().Select(g => g!).ToList();
        var lastYear = server
            .Set.Contributions.Select(c => (Row: c, Date: c.Date.ToDateTime(TimeOnly.MinValue)))
            .Where(c => Persian.GetYear(c.Date) == 1403)
            .GroupBy(c => (Sector: Upper(c.Row.Sector.ToString()), Month: Persian.GetMonth(c.Date)))
            .ToDictionary(g => g.Key, g => (Sum: g.Sum(c => (decimal)c.Row.AmountRial), Count: g.Count()));

        var monthRows = groups.Where(g => !g["subtotal"]!.GetValue<bool>()).ToList();
        Assert.Equal(2 * 12, monthRows.Count);
        foreach (var row in monthRows)
        {
            var key = (row["key"]!["sector"]!.GetValue<string>(), row["key"]!["month"]!.GetValue<int>());
            var expected = lastYear.GetValueOrDefault(key);
            Assert.Equal(expected.Sum, row["comparison"]!["sum"]!.GetValue<decimal>());
            Assert.Equal(expected.Count, row["comparison"]!["count"]!.GetValue<int>());
        }
        Assert.Contains(
            monthRows,
            r =>
                r["key"]!["month"]!.GetValue<int>() > 9
                && r["sum"]!.GetValue<decimal>() == 0
                && r["comparison"]!["sum"]!.GetValue<decimal>() > 0
        );

        // Each sector's twelve months, gaps included, come before its subtotal; the grand total is last.
        for (var i = 0; i < groups.Count - 1; i++)
            if (groups[i]["subtotal"]!.GetValue<bool>())
                Assert.All(
                    groups.Skip(i - 12).Take(12),
                    g => Assert.Equal(groups[i]["key"]!["sector"]!.GetValue<string>(), g["key"]!["sector"]!.GetValue<string>())
                );
        Assert.Null(groups[^1]["key"]!["sector"]);
    }

    [Fact]
    public async Task Without_an_order_groups_come_in_key_order_with_missing_centres_last()
    {
        // Sorted after SQL (no ORDER BY is sent without `order` or `first`): the same order SQL would give —
        // each key ascending by its stored value, a missing centre after every centre.
        var data = await server.Client.DataAsync(
            """
            { contributionTotals(period: { year: 1404, fromMonth: 1, toMonth: 9 }, groupBy: [COUNTY, CENTER, TYPE, MONTH], unit: RIAL) {
                groups { key { county { code } center { code } type month } sum } } }
            """
        );
        var actual = data["contributionTotals"]!["groups"]!
            .AsArray()
            .Select(g => g!["key"]!)
            .Select(k => $"{k["county"]!["code"]} {k["center"]?["code"]?.GetValue<string>() ?? "-"} {k["type"]} {k["month"]}")
            .ToList();

        var expected = server
            .Set.Contributions.Select(c => (Row: c, Date: c.Date.ToDateTime(TimeOnly.MinValue)))
            .Where(c => Persian.GetYear(c.Date) == 1404 && Persian.GetMonth(c.Date) <= 9)
            .GroupBy(c => (County: c.Row.County, Center: c.Row.Center, c.Row.Type, Month: Persian.GetMonth(c.Date)))
            .Select(g => g.Key)
            .OrderBy(k => k.County.Id)
            .ThenBy(k => k.Center is null)
            .ThenBy(k => k.Center?.Id)
            .ThenBy(k => (int)k.Type)
            .ThenBy(k => k.Month)
            .Select(k => $"{k.County.Code} {k.Center?.Code ?? "-"} {Upper(k.Type.ToString())} {k.Month}")
            .ToList();
        Assert.Contains(expected, e => e.Contains(" - "));
        Assert.Equal(expected, actual);
    }

    private static (object? Where, Func<Contribution, bool> Keep) RandomFilter(Random random, GeneratedDataSet set)
    {
        switch (random.Next(7))
        {
            case 0:
                var province = new[] { "IR-19", "IR-23", "IR-07" }[random.Next(3)];
                return (
                    new { county = new { province = new { code = new { eq = province } } } },
                    c => GeneratedDataSet.ProvinceCodeOf(c.County) == province
                );
            case 1:
                var sector = random.Next(2) == 0 ? Sector.Government : Sector.Charity;
                return (new { sector = new { eq = Upper(sector.ToString()) } }, c => c.Sector == sector);
            case 2:
                var types = Enum.GetValues<ContributionType>()
                    .Where(_ => random.Next(2) == 0)
                    .DefaultIfEmpty(ContributionType.Cash)
                    .ToList();
                return (new { type = new { @in = types.Select(t => Upper(t.ToString())).ToArray() } }, c => types.Contains(c.Type));
            case 3:
                var bound = set.Contributions[random.Next(set.Contributions.Count)].AmountRial;
                return (new { amountRial = new { gte = bound } }, c => c.AmountRial >= bound);
            case 4:
                var counties = set.Counties.Where(_ => random.Next(3) == 0).Select(c => c.Code).DefaultIfEmpty("IR-19-01").ToList();
                return (new { county = new { code = new { @in = counties } } }, c => counties.Contains(c.County.Code));
            case 5:
                var intent = Enum.GetValues<Intent>()[random.Next(5)];
                return (new { intent = new { neq = Upper(intent.ToString()) } }, c => c.Intent != intent);
            default:
                return (null, _ => true);
        }
    }

    private static (object? Period, DateOnly From, DateOnly To) RandomPeriod(Random random)
    {
        var year = 1402 + random.Next(3);
        var last = year == 1404 ? 9 : 12;
        switch (random.Next(4))
        {
            case 0:
                var fromMonth = 1 + random.Next(last);
                var toMonth = fromMonth + random.Next(last - fromMonth + 1);
                return (
                    new
                    {
                        year,
                        fromMonth,
                        toMonth,
                    },
                    MonthStart(year, fromMonth),
                    MonthEnd(year, toMonth)
                );
            case 1:
                var quarter = 1 + random.Next(last / 3);
                return (new { year, quarter }, MonthStart(year, quarter * 3 - 2), MonthEnd(year, quarter * 3));
            case 2:
                // Any Gregorian days, across year boundaries too.
                var start = new DateOnly(2023, 3, 21).AddDays(random.Next(900));
                var end = start.AddDays(random.Next(200));
                return (new { from = start.ToString("yyyy-MM-dd"), to = end.ToString("yyyy-MM-dd") }, start, end);
            default:
                return (null, DateOnly.MinValue, DateOnly.MaxValue);
        }
    }

    private static DateOnly MonthStart(int year, int month) => DateOnly.FromDateTime(Persian.ToDateTime(year, month, 1, 0, 0, 0, 0));

    private static DateOnly MonthEnd(int year, int month) =>
        DateOnly.FromDateTime(Persian.ToDateTime(year, month, Persian.GetDaysInMonth(year, month), 0, 0, 0, 0));

    private static string KeyOf(Contribution c, string dimension)
    {
        var date = c.Date.ToDateTime(TimeOnly.MinValue);
        var (year, month) = (Persian.GetYear(date), Persian.GetMonth(date));
        return dimension switch
        {
            "PROVINCE" => GeneratedDataSet.ProvinceCodeOf(c.County),
            "COUNTY" => c.County.Code,
            "TYPE" => Upper(c.Type.ToString()),
            "SECTOR" => Upper(c.Sector.ToString()),
            "INTENT" => Upper(c.Intent.ToString()),
            "CHANNEL" => Upper(c.Channel.ToString()),
            "CENTER" => c.Center?.Code ?? "-",
            "CHARITY" => c.Charity?.Code ?? "-",
            "YEAR" => $"{year}",
            "QUARTER" => $"{year}-Q{(month + 2) / 3}",
            "MONTH" => $"{year}-{month:D2}",
            _ => $"{month}",
        };
    }

    private static string ApiKeyOf(JsonNode key, string dimension) =>
        dimension switch
        {
            "PROVINCE" => key["province"]!["code"]!.GetValue<string>(),
            "COUNTY" => key["county"]!["code"]!.GetValue<string>(),
            "CENTER" => key["center"]?["code"]?.GetValue<string>() ?? "-",
            "CHARITY" => key["charity"]?["code"]?.GetValue<string>() ?? "-",
            "YEAR" => $"{key["year"]!.GetValue<int>()}",
            "QUARTER" => $"{key["year"]!.GetValue<int>()}-Q{key["quarter"]!.GetValue<int>()}",
            "MONTH" => key["period"]!.GetValue<string>(),
            "MONTH_OF_YEAR" => $"{key["month"]!.GetValue<int>()}",
            _ => key[dimension.ToLowerInvariant()]!.GetValue<string>(),
        };

    private static string Upper(string pascal) => PascalWords().Replace(pascal, "_").ToUpperInvariant();

    [GeneratedRegex("(?<=[a-z])(?=[A-Z])")]
    private static partial Regex PascalWords();
}

public sealed class SqliteGeneratedTotalsTests(SqliteGeneratedDataServer server)
    : GeneratedTotalsTests(server),
        IClassFixture<SqliteGeneratedDataServer>;

public sealed class PostgresGeneratedTotalsTests(PostgresGeneratedDataServer server)
    : GeneratedTotalsTests(server),
        IClassFixture<PostgresGeneratedDataServer>
{
    [Fact]
    public async Task The_totals_query_reads_the_partial_slicing_index_with_no_test_per_row_for_retraction()
    {
        System.Data.Common.DbCommand engine;
        await using (var db = server.Factory.Services.GetRequiredService<SystemDbContextFactory>().CreateDbContext())
            engine = ContributionTotalsQuery
                .GroupQuery(
                    ContributionSource.FactsOf(db),
                    new ContributionTotalsRequest
                    {
                        GroupBy = [ContributionDimension.County, ContributionDimension.Type, ContributionDimension.Month],
                        Period = ResolvedPeriod.Months(1404, 1, 9),
                    },
                    maxGroups: 50_000
                )
                .CreateDbCommand();

        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        // The test data is small enough for a table scan to win on cost: forbid it, to see which index the
        // query can use at all. A partial index is usable only where the query's condition implies its own.
        await using (
            var off = new NpgsqlCommand("VACUUM ANALYZE contributions; SET enable_seqscan = off; SET enable_bitmapscan = off", connection)
        )
            await off.ExecuteNonQueryAsync();
        await using var explain = new NpgsqlCommand("EXPLAIN " + engine.CommandText, connection);
        foreach (var parameter in engine.Parameters.Cast<NpgsqlParameter>())
            explain.Parameters.Add(parameter.Clone());
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                plan.Add(reader.GetString(0));

        var text = string.Join('\n', plan);
        Assert.Contains("Index Only Scan using ix_contributions_solar_year_solar_month_county_id_type_sector", text);
        Assert.DoesNotContain("is_retracted", text);
    }
}
