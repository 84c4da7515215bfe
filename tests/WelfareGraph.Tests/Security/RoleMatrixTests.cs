using System.Text;
using System.Text.Json.Nodes;
using GraphQL.Types;
using GraphQLParser.AST;
using Microsoft.Extensions.DependencyInjection;
using WelfareGraph.Periods;
using WelfareGraph.Schema;
using WelfareGraph.Security;

namespace WelfareGraph.Tests.Security;

/// <summary>
/// Every role against every root field and mutation the server serves: allowed exactly where
/// <see cref="AccessPolicy"/> says, otherwise an <c>AUTH_NOT_AUTHORIZED</c> error and null for it. The
/// documents are made from the schema itself (each field with the smallest valid arguments), so a field
/// added tomorrow is in the matrix tomorrow.
/// </summary>
public sealed class RoleMatrixTests(SecuredDemoServer server) : IClassFixture<SecuredDemoServer>
{
    private static readonly string[] Callers = [.. WelfareRoles.All, "none"];

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
    public void Every_root_field_and_mutation_is_in_the_policy_table()
    {
        var unlisted = RootFields(Schema)
            .Where(f => AccessPolicy.RolesFor(f.Operation, f.Field.Name).Count == 0)
            .Select(f => $"{f.Operation} {f.Field.Name}")
            .ToList();
        Assert.True(unlisted.Count == 0, "Not in Security/AccessPolicy.cs (so open to nobody): " + string.Join(", ", unlisted));
        Assert.Contains(RootFields(Schema), f => f.Field.Name == "households");
        Assert.Contains(RootFields(Schema), f => f.Field.Name == "auditLog");
    }

    [Fact]
    public async Task Each_role_gets_exactly_the_fields_the_policy_gives_it()
    {
        var failures = new List<string>();
        var cells = 0;
        foreach (var (operation, field) in RootFields(Schema))
        {
            var document = Document(operation, field);
            foreach (var caller in Callers)
            {
                var roles = caller == "none" ? Array.Empty<string>() : [caller];
                // A token with no WelfareGraph role still needs a role claim to be a token for this API.
                var token = server.Identity.Token(
                    roles.Length == 0 ? ["Some.Other.Role"] : roles,
                    ScopeClaim.National,
                    subject: "matrix-" + caller
                );
                var (status, body) = await server.PostAsync(token, document);
                cells++;
                var denied = Errors(body).Any(e => e.Code == RootFieldAuthorization.NotAuthorized && e.Path == field.Name);
                var expected = AccessPolicy.Allows(Principal(roles), operation, field.Name);
                if (status != System.Net.HttpStatusCode.OK)
                    failures.Add($"{caller} × {field.Name}: HTTP {(int)status} {body?.ToJsonString()}");
                else if (expected == denied)
                    failures.Add(
                        $"{caller} × {field.Name}: expected {(expected ? "allowed" : "denied")}, "
                            + $"got {body?.ToJsonString()[..Math.Min(300, body.ToJsonString().Length)]}"
                    );
                else if (denied && body?["data"]?[field.Name] is not null)
                    failures.Add($"{caller} × {field.Name}: denied but data returned");
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {cells} cells wrong:\n" + string.Join("\n", failures));
        Assert.True(cells >= 5 * 13, $"Only {cells} cells: the schema lost its root fields?");
    }

    [Fact]
    public async Task Households_are_for_auditors_and_admins_only()
    {
        const string query = "{ households(first: 1) { totalCount } }";
        foreach (var role in new[] { WelfareRoles.Analyst, WelfareRoles.Integration })
        {
            var (_, body) = await server.PostAsync(server.Token(role), query);
            Assert.Equal(RootFieldAuthorization.NotAuthorized, SecuredServer.FirstCode(body));
            // Paged fields are nullable, as HotChocolate declares them: the denied field is null, not the whole data.
            Assert.Null(body!["data"]!["households"]);
        }
        foreach (var role in new[] { WelfareRoles.Auditor, WelfareRoles.Admin })
            Assert.True((await server.DataAsync(server.Token(role), query))["households"]!["totalCount"]!.GetValue<int>() > 30_000);
    }

    [Fact]
    public async Task A_denied_field_is_null_while_its_siblings_still_answer()
    {
        // province is nullable: denying it leaves the rest of the response alone.
        var token = server.Identity.Token(["Some.Other.Role"], ScopeClaim.National);
        var (_, body) = await server.PostAsync(token, """{ __typename province(code: "IR-19") { nameEn } }""");
        Assert.Equal("Query", body!["data"]!["__typename"]!.GetValue<string>());
        Assert.Null(body["data"]!["province"]);
        Assert.Equal(RootFieldAuthorization.NotAuthorized, SecuredServer.FirstCode(body));
        Assert.Equal("province", body["errors"]![0]!["path"]![0]!.GetValue<string>());
    }

    private sealed record Error(string? Code, string? Path);

    private static IEnumerable<Error> Errors(JsonNode? body) =>
        (body?["errors"] as JsonArray ?? []).Select(e => new Error(
            e?["extensions"]?["code"]?.GetValue<string>(),
            e?["path"]?[0]?.GetValue<string>()
        ));

    private static System.Security.Claims.ClaimsPrincipal Principal(IEnumerable<string> roles) =>
        new(
            new System.Security.Claims.ClaimsIdentity(
                roles.Select(r => new System.Security.Claims.Claim(WelfareRoles.RolesClaim, r)),
                "test"
            )
        );

    internal static IEnumerable<(OperationType Operation, FieldType Field)> RootFields(ISchema schema) =>
        schema
            .Query.Fields.Select(f => (OperationType.Query, f))
            .Concat(schema.Mutation?.Fields.Select(f => (OperationType.Mutation, f)) ?? []);

    /// <summary><c>query { field(smallest valid arguments) { __typename } }</c>.</summary>
    internal static string Document(OperationType operation, FieldType field)
    {
        var text = new StringBuilder(operation == OperationType.Mutation ? "mutation { " : "query { ").Append(field.Name);
        var arguments = (field.Arguments ?? []).Where(a => a.ResolvedType is NonNullGraphType && a.DefaultValue is null).ToList();
        if (arguments.Count > 0)
            text.Append('(').AppendJoin(", ", arguments.Select(a => $"{a.Name}: {Value(a.ResolvedType!, a.Name)}")).Append(')');
        if (Unwrap(field.ResolvedType!) is IComplexGraphType or UnionGraphType)
            text.Append(" { __typename }");
        return text.Append(" }").ToString();
    }

    private static IGraphType Unwrap(IGraphType type) =>
        type switch
        {
            NonNullGraphType nonNull => Unwrap(nonNull.ResolvedType!),
            ListGraphType list => Unwrap(list.ResolvedType!),
            _ => type,
        };

    /// <summary>A literal of the type: required input fields filled, lists empty, the rest left out.</summary>
    private static string Value(IGraphType type, string name) =>
        type switch
        {
            NonNullGraphType nonNull => Value(nonNull.ResolvedType!, name),
            ListGraphType => "[]",
            IInputObjectGraphType input => "{ "
                + string.Join(
                    ", ",
                    input
                        .Fields.Where(f => f.ResolvedType is NonNullGraphType && f.DefaultValue is null)
                        .Select(f => $"{f.Name}: {Value(f.ResolvedType!, f.Name)}")
                )
                + " }",
            EnumerationGraphType enumeration => enumeration.Values.First().Name,
            IntGraphType => name switch
            {
                "year" => "1404",
                "month" or "fromMonth" or "toMonth" => "1",
                _ => "1",
            },
            LongGraphType or DecimalGraphType or FloatGraphType => "1",
            BooleanGraphType => "false",
            DateScalar => "\"1404-01-01\"",
            _ => name.Contains("province", StringComparison.OrdinalIgnoreCase) ? "\"IR-19\""
            : name.Contains("county", StringComparison.OrdinalIgnoreCase) || name == "code" ? "\"IR-19-01\""
            : "\"x\"",
        };
}
