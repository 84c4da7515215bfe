using System.Text.Json.Nodes;
using WelfareGraph.Tests.Infrastructure;

namespace WelfareGraph.Tests.Querying;

/// <summary>
/// Null operands as HotChocolate 15 treats them: <c>eq: null</c> / <c>neq: null</c> are IS NULL / IS NOT NULL, every
/// other operation and every object or list field given null is refused with <c>HC0026</c> (message, <c>filterType</c>
/// and <c>expectedType</c> as its filter visitor reports them) — never silently dropped, so a null variable cannot
/// return unfiltered rows.
/// </summary>
public abstract class NullOperandTests(GeneratedDataServer server)
{
    public static TheoryData<string, string, string, string> Refused() =>
        new()
        {
            // where, the filter field given null, its input type, the type HotChocolate says it expected
            { "{ description: { contains: null } }", "contains", "StringOperationFilterInput", "String!" },
            { "{ description: { ncontains: null } }", "ncontains", "StringOperationFilterInput", "String!" },
            { "{ description: { startsWith: null } }", "startsWith", "StringOperationFilterInput", "String!" },
            { "{ description: { nstartsWith: null } }", "nstartsWith", "StringOperationFilterInput", "String!" },
            { "{ description: { endsWith: null } }", "endsWith", "StringOperationFilterInput", "String!" },
            { "{ description: { nendsWith: null } }", "nendsWith", "StringOperationFilterInput", "String!" },
            { "{ description: { in: null } }", "in", "StringOperationFilterInput", "[String]!" },
            { "{ description: { nin: null } }", "nin", "StringOperationFilterInput", "[String]!" },
            { "{ amountRial: { gt: null } }", "gt", "LongOperationFilterInput", "Long!" },
            { "{ amountRial: { ngt: null } }", "ngt", "LongOperationFilterInput", "Long!" },
            { "{ amountRial: { gte: null } }", "gte", "LongOperationFilterInput", "Long!" },
            { "{ amountRial: { ngte: null } }", "ngte", "LongOperationFilterInput", "Long!" },
            { "{ amountRial: { lt: null } }", "lt", "LongOperationFilterInput", "Long!" },
            { "{ amountRial: { nlt: null } }", "nlt", "LongOperationFilterInput", "Long!" },
            { "{ amountRial: { lte: null } }", "lte", "LongOperationFilterInput", "Long!" },
            { "{ amountRial: { nlte: null } }", "nlte", "LongOperationFilterInput", "Long!" },
            { "{ quantity: { in: null } }", "in", "DecimalOperationFilterInput", "[Decimal]!" },
            { "{ solarMonth: { nin: null } }", "nin", "IntOperationFilterInput", "[Int]!" },
            { "{ county: null }", "county", "ContributionFilterInput", "CountyFilterInput!" },
            { "{ center: null }", "center", "ContributionFilterInput", "CenterFilterInput!" },
            { "{ county: { province: null } }", "province", "CountyFilterInput", "ProvinceFilterInput!" },
            { "{ description: null }", "description", "ContributionFilterInput", "StringOperationFilterInput!" },
            { "{ and: [{ amountRial: { gt: null } }] }", "gt", "LongOperationFilterInput", "Long!" },
        };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_refused_null_is_HC0026_on_the_field(string where, string filter, string filterType, string expectedType)
    {
        var json = await server.Client.QueryAsync(
            $$"""
            { contributionsPage(take: 5, where: {{where}}) { totalCount } }
            """
        );
        AssertRefused(json, "contributionsPage", filter, filterType, expectedType);
    }

    [Theory]
    [InlineData("some", "CenterFilterInput!")]
    [InlineData("all", "CenterFilterInput!")]
    [InlineData("none", "CenterFilterInput!")]
    [InlineData("any", "Boolean!")]
    public async Task A_null_list_operation_is_HC0026(string operation, string expectedType)
    {
        var json = await server.Client.QueryAsync(
            $$"""
            { countiesPage(take: 5, where: { centers: { {{operation}}: null } }) { totalCount } }
            """
        );
        AssertRefused(json, "countiesPage", operation, "ListFilterInputTypeOfCenterFilterInput", expectedType);
    }

    [Fact]
    public async Task A_null_variable_in_contains_is_refused_not_dropped()
    {
        var json = await server.Client.QueryAsync(
            """
            query($v: String) { contributionsPage(take: 5, where: { description: { contains: $v } }) { totalCount } }
            """,
            new Dictionary<string, object?> { ["v"] = null }
        );
        AssertRefused(json, "contributionsPage", "contains", "StringOperationFilterInput", "String!");
    }

    [Fact]
    public async Task A_null_variable_for_an_object_filter_is_refused()
    {
        var json = await server.Client.QueryAsync(
            """
            query($county: CountyFilterInput) { contributions(first: 5, where: { county: $county }) { totalCount } }
            """,
            new Dictionary<string, object?> { ["county"] = null }
        );
        AssertRefused(json, "contributions", "county", "ContributionFilterInput", "CountyFilterInput!");
    }

    [Fact]
    public async Task Null_variables_in_eq_and_neq_mean_IS_NULL_and_IS_NOT_NULL()
    {
        var data = await server.Client.DataAsync(
            """
            query($v: String) {
              isNull: contributionsPage(take: 1, where: { description: { eq: $v } }) { totalCount }
              isNotNull: contributionsPage(take: 1, where: { description: { neq: $v } }) { totalCount } }
            """,
            new Dictionary<string, object?> { ["v"] = null }
        );
        var withoutDescription = server.Set.Contributions.Count(c => c.Description is null);
        Assert.InRange(withoutDescription, 1, server.Set.Contributions.Count - 1);
        Assert.Equal(withoutDescription, data["isNull"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(server.Set.Contributions.Count - withoutDescription, data["isNotNull"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Contribution_totals_refuse_a_null_operand_too()
    {
        var json = await server.Client.QueryAsync(
            """
            { contributionTotals(where: { amountRial: { gte: null } }) { total { count } } }
            """
        );
        AssertRefused(json, "contributionTotals", "gte", "LongOperationFilterInput", "Long!");
    }

    private static void AssertRefused(JsonNode json, string field, string filter, string filterType, string expectedType)
    {
        var errors = json["errors"]?.AsArray();
        Assert.NotNull(errors);
        var error = Assert.Single(errors);
        Assert.Equal(
            $"The provided value for filter `{filter}` of type {filterType} is invalid. Null values are not supported.",
            error!["message"]!.GetValue<string>()
        );
        Assert.Equal("HC0026", error["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal(filterType, error["extensions"]!["filterType"]!.GetValue<string>());
        Assert.Equal(expectedType, error["extensions"]!["expectedType"]!.GetValue<string>());
        Assert.Equal(field, error["path"]!.AsArray().Single()!.GetValue<string>());
    }
}

public sealed class SqliteNullOperandTests(SqliteGeneratedDataServer server)
    : NullOperandTests(server),
        IClassFixture<SqliteGeneratedDataServer>;

public sealed class PostgresNullOperandTests(PostgresGeneratedDataServer server)
    : NullOperandTests(server),
        IClassFixture<PostgresGeneratedDataServer>;
