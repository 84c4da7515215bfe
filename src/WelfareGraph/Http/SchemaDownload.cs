using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;
using Microsoft.AspNetCore.Authentication;
using WelfareGraph.Schema;
using WelfareGraph.Security;

namespace WelfareGraph.Http;

/// <summary>
/// The schema as SDL for tooling that downloads it (codegen, schema registries), where HotChocolate serves it:
/// <c>GET {path}?sdl</c>, <c>GET {path}/schema.graphql</c> (and <c>{path}/schema</c>), as <c>application/graphql</c>.
/// The text is the one <c>schema/schema.graphql</c> holds. The SDL tells what introspection tells, so the same
/// rule (<see cref="GraphQLLimits.IntrospectionFor"/>) says who may have it: anyone in Development, authenticated
/// callers with the delegated permission elsewhere, nobody (404, as HotChocolate answers with schema files off)
/// where introspection is disabled.
/// </summary>
public static class SchemaDownload
{
    public const string MediaType = "application/graphql; charset=utf-8";

    /// <summary>The SDL as the contract file holds it: descriptions and deprecations, types in ordinal order, LF line ends.</summary>
    public static string Print(ISchema schema) =>
        schema
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

    /// <summary>Maps the file-like URLs; they are literals, so the IDE's <c>{path}/{**file}</c> catch-all never sees them.</summary>
    public static IEndpointRouteBuilder MapSchemaDownload(this IEndpointRouteBuilder endpoints, string path)
    {
        foreach (var file in new[] { "/schema.graphql", "/schema" })
            endpoints.MapGet(path + file, ServeAsync).RequireRateLimiting(WelfareRateLimiting.Policy).ExcludeFromDescription();
        return endpoints;
    }

    /// <summary><c>GET {path}?sdl</c>, which shares its URL with GraphQL over HTTP's GET (HotChocolate's query key, any case).</summary>
    public static bool IsRequested(HttpRequest request) => request.Query.ContainsKey("sdl");

    public static async Task ServeAsync(HttpContext http, GraphQLLimits limits, IHostEnvironment environment, WelfareSchema schema)
    {
        var access = limits.IntrospectionFor(environment);
        if (access == IntrospectionAccess.Disabled)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        if (access != IntrospectionAccess.Anonymous)
        {
            if (http.User.Identity?.IsAuthenticated != true)
            {
                await http.ChallengeAsync();
                return;
            }
            if (!WelfareRoles.HasDelegatedAccess(http.User))
            {
                http.Response.Headers.WWWAuthenticate = $"Bearer error=\"insufficient_scope\", scope=\"{WelfareRoles.ReadScope}\"";
                http.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }
        }

        schema.Initialize();
        http.Response.ContentType = MediaType;
        http.Response.Headers.ContentDisposition = "attachment; filename=\"schema.graphql\"";
        await http.Response.WriteAsync(Print(schema), http.RequestAborted);
    }
}
