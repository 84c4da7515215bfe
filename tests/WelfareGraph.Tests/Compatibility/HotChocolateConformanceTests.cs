using System.Text.Json.Nodes;
using GraphQL;
using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.Extensions.DependencyInjection;
using WelfareGraph.Schema;
using WelfareGraph.Tests.Infrastructure;

namespace WelfareGraph.Tests.Compatibility;

/// <summary>
/// Holds WelfareGraph to HotChocolate 15's answers, operation by operation (<see cref="HotChocolateCases"/>), on SQLite
/// and on the real PostgreSQL: each document must validate against the schema the server serves, and its answer must
/// be the rows plain C# finds in the generated data — never an empty page, never every row.
/// </summary>
public abstract class HotChocolateConformanceTests(GeneratedDataServer server)
{
    public static TheoryData<string> Cases() => new(HotChocolateCases.Names);

    [Fact]
    public void There_are_at_least_thirty_operations_with_distinct_names()
    {
        var names = HotChocolateCases.Names.ToList();
        Assert.True(names.Count >= 30, $"only {names.Count} operations");
        Assert.Equal(names.Count, names.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_operation_validates_against_the_served_schema_and_answers_as_HotChocolate(string name)
    {
        var @case = HotChocolateCases.For(server.Set).Single(c => c.Name == name);
        await AssertValidAsync(@case.Document);

        var json = await server.Client.QueryAsync(@case.Document, @case.Variables);
        switch (@case.Answer)
        {
            case PageAnswer page:
                AssertPage(page, json);
                break;
            case ErrorAnswer error:
                AssertError(error, json);
                break;
        }
    }

    private void AssertPage(PageAnswer expected, JsonNode json)
    {
        Assert.True(json["errors"] is null, "errors: " + json["errors"]?.ToJsonString());
        // Never vacuous: the filter keeps some rows and drops others.
        Assert.True(expected.TotalCount > 0, "the expected answer is empty: the case tests nothing");
        Assert.True(expected.TotalCount < Universe(expected.Field), "the expected answer is every row: the case tests nothing");

        var page = json["data"]![expected.Field]!;
        Assert.Equal(expected.TotalCount, page["totalCount"]!.GetValue<int>());
        Assert.Equal(expected.Keys, Rows(page).Select(Key).ToList());
        if (expected.HasNextPage is { } hasNext)
            Assert.Equal(hasNext, page["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        if (expected.HasPreviousPage is { } hasPrevious)
            Assert.Equal(hasPrevious, page["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>());
        if (expected.TypeName is { } typeName)
            Assert.Equal(typeName, page["__typename"]!.GetValue<string>());
        if (expected.EdgeTypeName is { } edgeTypeName)
            Assert.All(page["edges"]!.AsArray(), e => Assert.Equal(edgeTypeName, e!["__typename"]!.GetValue<string>()));
    }

    private static void AssertError(ErrorAnswer expected, JsonNode json)
    {
        // The paged field is nullable, as HotChocolate declares it: the error nulls that field only.
        Assert.NotNull(json["data"]);
        Assert.Null(json["data"]![expected.Field]);
        var error = Assert.Single(json["errors"]!.AsArray())!;
        Assert.Equal(expected.Code, error["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal(expected.Field, error["path"]![0]!.GetValue<string>());
        if (expected.ExpectedType is { } type)
            Assert.Equal(type, error["extensions"]!["expectedType"]!.GetValue<string>());
    }

    /// <summary>The page's rows, wherever the document reads them: <c>edges { node }</c>, <c>nodes</c> or <c>items</c>.</summary>
    private static IEnumerable<JsonNode> Rows(JsonNode page) =>
        page["edges"] is JsonArray edges ? edges.Select(e => e!["node"]!)
        : page["nodes"] is JsonArray nodes ? nodes.Select(n => n!)
        : page["items"]!.AsArray().Select(i => i!);

    private static string Key(JsonNode row) => (row["externalId"] ?? row["code"] ?? row["id"])!.GetValue<string>();

    private int Universe(string field) =>
        field switch
        {
            _ when field.StartsWith("contributions", StringComparison.Ordinal) => server.Set.Contributions.Count,
            _ when field.StartsWith("households", StringComparison.Ordinal) => server.Set.Households.Count,
            _ when field.StartsWith("counties", StringComparison.Ordinal) => server.Set.Counties.Count,
            _ when field.StartsWith("centers", StringComparison.Ordinal) => server.Set.Centers.Count,
            _ when field.StartsWith("charities", StringComparison.Ordinal) => server.Set.Charities.Count,
            _ => WelfareGraph.Geography.ProvinceReferenceData.All.Count,
        };

    /// <summary>
    /// Validates the document against the schema the server serves, with GraphQL.NET's full rule set: unknown types
    /// (<c>ContributionConnection</c>, <c>Date</c>), variables in positions their type does not fit (an <c>[ID]</c>
    /// variable where <c>[ID!]</c> is wanted), unknown fields.
    /// </summary>
    private async Task AssertValidAsync(string text)
    {
        var schema = server.Factory.Services.GetRequiredService<WelfareSchema>();
        schema.Initialize();
        var document = GraphQLParser.Parser.Parse(text);
        var operation = Assert.Single(document.Definitions.OfType<GraphQLOperationDefinition>());
        var result = await new DocumentValidator().ValidateAsync(
            new ValidationOptions
            {
                Schema = schema,
                Document = document,
                Operation = operation,
                Variables = Inputs.Empty,
                RequestServices = server.Factory.Services,
            }
        );
        // Variable values are not given here (the request carries them); everything else must hold.
        var errors = result.Errors.Where(e => e is not InvalidVariableError).Select(e => e.Message).ToList();
        Assert.True(errors.Count == 0, string.Join("; ", errors));
    }
}

public sealed class SqliteHotChocolateConformanceTests(SqliteGeneratedDataServer server)
    : HotChocolateConformanceTests(server),
        IClassFixture<SqliteGeneratedDataServer>;

public sealed class PostgresHotChocolateConformanceTests(PostgresGeneratedDataServer server)
    : HotChocolateConformanceTests(server),
        IClassFixture<PostgresGeneratedDataServer>;
