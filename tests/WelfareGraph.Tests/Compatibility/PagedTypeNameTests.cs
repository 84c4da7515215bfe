using System.Text.Json.Nodes;
using GraphQL.Types;
using GraphQLParser.AST;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WelfareGraph.Data;
using WelfareGraph.Querying;
using WelfareGraph.Schema;
using WelfareGraph.Security;
using WelfareGraph.Tests.Infrastructure;

namespace WelfareGraph.Tests.Compatibility;

/// <summary>
/// HotChocolate 15 names a paged field's types after the FIELD: <c>contributions</c> → <c>ContributionsConnection</c>
/// and <c>ContributionsEdge</c>, <c>contributionsPage</c> → <c>ContributionsPageCollectionSegment</c>, while
/// <c>PageInfo</c> and <c>CollectionSegmentInfo</c> keep their names. The expected names are written out by hand,
/// not derived by the server's rule.
/// </summary>
public sealed class PagedTypeNameTests(SqliteDemoServer server) : IClassFixture<SqliteDemoServer>
{
    /// <summary>Every cursor-paged root field: its connection and its edge.</summary>
    internal static readonly (string Field, string Connection, string Edge)[] CursorPaged =
    [
        ("provinces", "ProvincesConnection", "ProvincesEdge"),
        ("counties", "CountiesConnection", "CountiesEdge"),
        ("charities", "CharitiesConnection", "CharitiesEdge"),
        ("centers", "CentersConnection", "CentersEdge"),
        ("households", "HouseholdsConnection", "HouseholdsEdge"),
        ("contributions", "ContributionsConnection", "ContributionsEdge"),
        ("auditLog", "AuditLogConnection", "AuditLogEdge"),
    ];

    /// <summary>Every offset-paged root field: its segment.</summary>
    internal static readonly (string Field, string Segment)[] OffsetPaged =
    [
        ("provincesPage", "ProvincesPageCollectionSegment"),
        ("countiesPage", "CountiesPageCollectionSegment"),
        ("charitiesPage", "CharitiesPageCollectionSegment"),
        ("centersPage", "CentersPageCollectionSegment"),
        ("householdsPage", "HouseholdsPageCollectionSegment"),
        ("contributionsPage", "ContributionsPageCollectionSegment"),
    ];

    private ISchema Schema
    {
        get
        {
            var schema = server.Factory.Services.GetRequiredService<WelfareSchema>();
            schema.Initialize();
            return schema;
        }
    }

    private static IGraphType Unwrap(IGraphType type) =>
        type switch
        {
            NonNullGraphType n => Unwrap(n.ResolvedType!),
            ListGraphType l => Unwrap(l.ResolvedType!),
            _ => type,
        };

    private IGraphType RootFieldType(string field) =>
        Unwrap(Schema.Query.GetField(field)?.ResolvedType ?? throw new Xunit.Sdk.XunitException($"No root field {field}."));

    [Fact]
    public void Each_cursor_paged_root_field_has_a_connection_and_edge_named_after_the_field()
    {
        foreach (var (field, connection, edge) in CursorPaged)
        {
            var type = Assert.IsAssignableFrom<IComplexGraphType>(RootFieldType(field));
            Assert.Equal(connection, type.Name);
            Assert.Equal(edge, Unwrap(type.GetField("edges")!.ResolvedType!).Name);
            Assert.Equal("PageInfo", Unwrap(type.GetField("pageInfo")!.ResolvedType!).Name);
            Assert.Same(type, Schema.AllTypes[connection]);
            Assert.NotNull(Schema.AllTypes[edge]);
        }
    }

    [Fact]
    public async Task The_SDL_the_server_serves_names_every_paged_type_as_the_lists_say()
    {
        // The text codegen and schema registries download (GET /graphql?sdl), read with a plain GraphQL parser.
        var response = await server.Client.Http.GetAsync("/graphql?sdl");
        response.EnsureSuccessStatusCode();
        var types = GraphQLParser
            .Parser.Parse(await response.Content.ReadAsStringAsync())
            .Definitions.OfType<GraphQLObjectTypeDefinition>()
            .ToDictionary(t => t.Name.StringValue);
        string FieldType(string type, string field) => Named(types[type].Fields!.Items.Single(f => f.Name.StringValue == field).Type);

        foreach (var (field, connection, edge) in CursorPaged)
        {
            Assert.Equal(connection, FieldType("Query", field));
            Assert.Equal(edge, FieldType(connection, "edges"));
            Assert.Equal("PageInfo", FieldType(connection, "pageInfo"));
            Assert.Equal(FieldType(edge, "node"), FieldType(connection, "nodes"));
        }
        foreach (var (field, segment) in OffsetPaged)
        {
            Assert.Equal(segment, FieldType("Query", field));
            Assert.Equal("CollectionSegmentInfo", FieldType(segment, "pageInfo"));
            Assert.Equal("Int", FieldType(segment, "totalCount"));
        }
    }

    private static string Named(GraphQLType type) =>
        type switch
        {
            GraphQLNonNullType n => Named(n.Type),
            GraphQLListType l => Named(l.Type),
            GraphQLNamedType t => t.Name.StringValue,
            _ => throw new ArgumentOutOfRangeException(nameof(type)),
        };

    [Fact]
    public void Each_offset_paged_root_field_has_a_segment_named_after_the_field()
    {
        foreach (var (field, segment) in OffsetPaged)
        {
            var type = Assert.IsAssignableFrom<IComplexGraphType>(RootFieldType(field));
            Assert.Equal(segment, type.Name);
            Assert.Equal("CollectionSegmentInfo", Unwrap(type.GetField("pageInfo")!.ResolvedType!).Name);
        }
    }

    [Fact]
    public void The_lists_cover_every_paged_root_field_and_no_entity_named_page_type_is_left()
    {
        var paged = Schema
            .Query.Fields.Where(f =>
                Unwrap(f.ResolvedType!) is IComplexGraphType t && t.GetField("pageInfo") is not null && t.GetField("totalCount") is not null
            )
            .Select(f => f.Name)
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(
            CursorPaged.Select(p => p.Field).Concat(OffsetPaged.Select(p => p.Field)).Order(StringComparer.Ordinal).ToList(),
            paged
        );

        var names = Schema.AllTypes.Select(t => t.Name).ToHashSet();
        foreach (
            var old in new[]
            {
                "ContributionConnection",
                "ContributionEdge",
                "ContributionCollectionSegment",
                "AuditEntryConnection",
                "AuditEntryEdge",
                "ProvinceConnection",
                "CountyCollectionSegment",
            }
        )
            Assert.DoesNotContain(old, names);
        // The change feeds keep their own page type (not UsePaging).
        Assert.Contains("ContributionChangePage", names);
    }

    [Fact]
    public async Task Fragments_on_the_field_named_types_return_the_rows_with_their_typename()
    {
        List<(long Id, string ExternalId)> rows;
        await using (var db = server.Factory.Services.GetRequiredService<SystemDbContextFactory>().CreateDbContext())
            rows = (await db.Contributions.OrderBy(c => c.Id).Select(c => new { c.Id, c.ExternalId }).Take(5).ToListAsync())
                .Select(c => (c.Id, c.ExternalId))
                .ToList();
        Assert.Equal(5, rows.Count);

        var data = await server.Client.DataAsync(
            """
            query Paged {
              contributions(first: 3) { ...Page }
              contributionsPage(skip: 2, take: 3) { ...Segment }
            }
            fragment Page on ContributionsConnection {
              __typename
              totalCount
              pageInfo { __typename hasNextPage }
              edges { ...Edge }
            }
            fragment Edge on ContributionsEdge { __typename cursor node { __typename id externalId } }
            fragment Segment on ContributionsPageCollectionSegment {
              __typename
              pageInfo { __typename hasNextPage hasPreviousPage }
              items { id externalId }
            }
            """
        );

        var connection = data["contributions"]!;
        Assert.Equal("ContributionsConnection", connection["__typename"]!.GetValue<string>());
        Assert.Equal("PageInfo", connection["pageInfo"]!["__typename"]!.GetValue<string>());
        Assert.True(connection["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        var edges = connection["edges"]!.AsArray();
        Assert.All(edges, e => Assert.Equal("ContributionsEdge", e!["__typename"]!.GetValue<string>()));
        Assert.All(edges, e => Assert.Equal("Contribution", e!["node"]!["__typename"]!.GetValue<string>()));
        Assert.Equal(rows.Take(3).Select(r => r.ExternalId), edges.Select(e => e!["node"]!["externalId"]!.GetValue<string>()));
        Assert.Equal(
            rows.Take(3).Select(r => r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            edges.Select(e => Id(e!["node"]!["id"]!))
        );

        var segment = data["contributionsPage"]!;
        Assert.Equal("ContributionsPageCollectionSegment", segment["__typename"]!.GetValue<string>());
        Assert.Equal("CollectionSegmentInfo", segment["pageInfo"]!["__typename"]!.GetValue<string>());
        Assert.True(segment["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>());
        Assert.Equal(
            rows.Skip(2).Take(3).Select(r => r.ExternalId),
            segment["items"]!.AsArray().Select(i => i!["externalId"]!.GetValue<string>())
        );
    }

    private static string Id(JsonNode id) =>
        id.GetValueKind() == System.Text.Json.JsonValueKind.Number
            ? id.GetValue<long>().ToString(System.Globalization.CultureInfo.InvariantCulture)
            : id.GetValue<string>();

    [Fact]
    public async Task A_fragment_on_the_old_entity_named_type_is_refused()
    {
        var json = await server.Client.QueryAsync(
            "{ contributions(first: 1) { ...P } } fragment P on ContributionConnection { totalCount }"
        );
        Assert.Null(json["data"]);
        Assert.Contains("ContributionConnection", json["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
