using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;
using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.Extensions.DependencyInjection;
using WelfareGraph.Schema;
using WelfareGraph.Tests.Infrastructure;

namespace WelfareGraph.Tests.Schema;

/// <summary>schema/schema.graphql is the public contract: it must equal what the server serves.</summary>
public sealed class SchemaContractTests(SqliteDemoServer server) : IClassFixture<SqliteDemoServer>
{
    private const string RegenerateCommand = "WELFAREGRAPH_WRITE_SCHEMA=1 dotnet test --filter FullyQualifiedName~SchemaContractTests";

    private ISchema Schema
    {
        get
        {
            var schema = server.Factory.Services.GetRequiredService<WelfareSchema>();
            schema.Initialize();
            return schema;
        }
    }

    [Fact]
    public void The_schema_file_equals_the_served_schema()
    {
        var served =
            Schema
                .Print(
                    new PrintOptions
                    {
                        IncludeDeprecationReasons = true,
                        IncludeDescriptions = true,
                        StringComparison = StringComparison.Ordinal,
                    }
                )
                .ReplaceLineEndings("\n")
                .TrimEnd() + "\n";
        var path = Path.Combine(RepositoryPaths.Schema, "schema.graphql");
        // Rewritten only on request, never by CI: a drift must fail and be looked at.
        if (Environment.GetEnvironmentVariable("WELFAREGRAPH_WRITE_SCHEMA") == "1")
            File.WriteAllText(path, served);

        Assert.True(File.Exists(path), $"schema/schema.graphql is missing. Create it with: {RegenerateCommand}");
        var committed = File.ReadAllText(path).ReplaceLineEndings("\n");
        Assert.True(
            committed == served,
            "schema/schema.graphql differs from the schema the server serves. "
                + $"If the change is intended, regenerate it with: {RegenerateCommand}\n"
                + FirstDifference(committed, served)
        );
    }

    [Fact]
    public void The_schema_uses_HotChocolate_scalar_names()
    {
        var sdl = Schema.Print();
        Assert.Contains("scalar LocalDate", sdl);
        Assert.DoesNotContain("scalar Date\n", sdl);
        Assert.Contains("input LocalDateOperationFilterInput", sdl);
        Assert.DoesNotContain("input DateOperationFilterInput", sdl);
        Assert.Contains("input NullableOfQuantityUnitOperationFilterInput", sdl);
        Assert.Contains("scalar Long", sdl);
        Assert.Contains("scalar Decimal", sdl);
        Assert.DoesNotContain("DateOnly", sdl);
        Assert.Contains("type ContributionsConnection", sdl);
        Assert.Contains("type ContributionsEdge", sdl);
        Assert.Contains("type ContributionsPageCollectionSegment", sdl);
        Assert.DoesNotContain("type ContributionConnection", sdl);
        Assert.Contains("enum ContributionType", sdl);
        Assert.Contains("LAST_3_MONTHS", sdl);
    }

    public static TheoryData<string> Operations() =>
        new(Directory.GetFiles(Path.Combine(RepositoryPaths.Schema, "operations"), "*.graphql").Select(Path.GetFileName).Order()!);

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Every_trusted_operation_validates(string file)
    {
        var text = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Schema, "operations", file));
        var document = GraphQLParser.Parser.Parse(text);
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        Assert.Single(operations);
        Assert.Equal(Path.GetFileNameWithoutExtension(file), operations[0].Name?.StringValue);

        var result = await new DocumentValidator().ValidateAsync(
            new ValidationOptions
            {
                Schema = Schema,
                Document = document,
                Operation = operations[0],
                Variables = Inputs.Empty,
                RequestServices = server.Factory.Services,
            }
        );
        // Missing variable values are expected here (none are given); everything else is a broken contract.
        var errors = result.Errors.Where(e => e is not InvalidVariableError).Select(e => e.Message).ToList();
        Assert.True(errors.Count == 0, $"{file}: " + string.Join("; ", errors));
    }

    private static string FirstDifference(string a, string b)
    {
        var lines = (a.Split('\n'), b.Split('\n'));
        for (var i = 0; i < Math.Max(lines.Item1.Length, lines.Item2.Length); i++)
        {
            var left = i < lines.Item1.Length ? lines.Item1[i] : "<end>";
            var right = i < lines.Item2.Length ? lines.Item2[i] : "<end>";
            if (left != right)
                return $"line {i + 1}:\n  file:   {left}\n  served: {right}";
        }
        return "";
    }
}
