using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using WelfareGraph.Security;
using WelfareGraph.Tests.Security;

namespace WelfareGraph.Tests.Requests;

/// <summary>
/// Every edge refuses the same bad caller the same way, and every edge that takes a document the same bad document:
/// one admission and one set of document rules in front of all of them. A new edge is a new row.
/// </summary>
public sealed class EdgeRefusalTests(SecuredDemoServer server) : IClassFixture<SecuredDemoServer>
{
    public enum Edge
    {
        GraphQL,
        Export,
        ExportJob,
        PowerBiModel,
        ODataFeed,
    }

    public enum Caller
    {
        NoToken,
        NoDelegatedPermission,
        RoleWithoutAccess,
    }

    public enum BadDocument
    {
        UnknownTrustedId,
        TooLong,
    }

    private const string Query = "{ province(code: \"IR-19\") { nameEn } }";

    /// <summary>Past GraphQL:MaxDocumentLength (64 KiB by default), and valid GraphQL otherwise.</summary>
    private static readonly string LongDocument = "{ " + new string(' ', 70_000) + "__typename }";

    public static TheoryData<Edge, Caller, HttpStatusCode, string> BadCallers =>
        new()
        {
            { Edge.GraphQL, Caller.NoToken, HttpStatusCode.Unauthorized, "AUTH_NOT_AUTHENTICATED" },
            { Edge.Export, Caller.NoToken, HttpStatusCode.Unauthorized, "AUTH_NOT_AUTHENTICATED" },
            { Edge.ExportJob, Caller.NoToken, HttpStatusCode.Unauthorized, "AUTH_NOT_AUTHENTICATED" },
            { Edge.PowerBiModel, Caller.NoToken, HttpStatusCode.Unauthorized, "AUTH_NOT_AUTHENTICATED" },
            { Edge.ODataFeed, Caller.NoToken, HttpStatusCode.Unauthorized, "AUTH_NOT_AUTHENTICATED" },
            { Edge.GraphQL, Caller.NoDelegatedPermission, HttpStatusCode.Forbidden, "AUTH_INSUFFICIENT_SCOPE" },
            { Edge.Export, Caller.NoDelegatedPermission, HttpStatusCode.Forbidden, "AUTH_INSUFFICIENT_SCOPE" },
            { Edge.ExportJob, Caller.NoDelegatedPermission, HttpStatusCode.Forbidden, "AUTH_INSUFFICIENT_SCOPE" },
            { Edge.PowerBiModel, Caller.NoDelegatedPermission, HttpStatusCode.Forbidden, "AUTH_INSUFFICIENT_SCOPE" },
            { Edge.ODataFeed, Caller.NoDelegatedPermission, HttpStatusCode.Forbidden, "AUTH_INSUFFICIENT_SCOPE" },
            // A role the access policy does not open `province` (GraphQL fields, file exports, jobs) or contribution
            // exports (model, feed) to. GraphQL answers a field it refuses with null and the error, as it does any field
            // error; a job is refused before it is accepted, not accepted and failed later.
            { Edge.GraphQL, Caller.RoleWithoutAccess, HttpStatusCode.OK, RootFieldAuthorization.NotAuthorized },
            { Edge.Export, Caller.RoleWithoutAccess, HttpStatusCode.Forbidden, RootFieldAuthorization.NotAuthorized },
            { Edge.ExportJob, Caller.RoleWithoutAccess, HttpStatusCode.Forbidden, RootFieldAuthorization.NotAuthorized },
            { Edge.PowerBiModel, Caller.RoleWithoutAccess, HttpStatusCode.Forbidden, RootFieldAuthorization.NotAuthorized },
            { Edge.ODataFeed, Caller.RoleWithoutAccess, HttpStatusCode.Forbidden, RootFieldAuthorization.NotAuthorized },
        };

    public static TheoryData<Edge, BadDocument, HttpStatusCode, string> BadDocuments =>
        new()
        {
            // GraphQL over HTTP answers every request error 400; the file edges say an unknown document is not found.
            { Edge.GraphQL, BadDocument.UnknownTrustedId, HttpStatusCode.BadRequest, "TRUSTED_DOCUMENT_NOT_FOUND" },
            { Edge.Export, BadDocument.UnknownTrustedId, HttpStatusCode.NotFound, "TRUSTED_DOCUMENT_NOT_FOUND" },
            { Edge.ExportJob, BadDocument.UnknownTrustedId, HttpStatusCode.NotFound, "TRUSTED_DOCUMENT_NOT_FOUND" },
            { Edge.GraphQL, BadDocument.TooLong, HttpStatusCode.BadRequest, "DOCUMENT_TOO_LARGE" },
            { Edge.Export, BadDocument.TooLong, HttpStatusCode.BadRequest, "DOCUMENT_TOO_LARGE" },
            { Edge.ExportJob, BadDocument.TooLong, HttpStatusCode.BadRequest, "DOCUMENT_TOO_LARGE" },
        };

    [Theory]
    [MemberData(nameof(BadCallers))]
    public async Task The_same_bad_caller_is_refused_the_same_way_on_every_edge(
        Edge edge,
        Caller caller,
        HttpStatusCode status,
        string code
    )
    {
        var token = caller switch
        {
            Caller.NoToken => null,
            Caller.NoDelegatedPermission => server.Identity.Token([WelfareRoles.Analyst], ScopeClaim.National, scp: "User.Read"),
            _ => server.Token(WelfareRoles.Integration),
        };
        var (actualStatus, body, challenge) = await SendAsync(edge, token, new { query = Query, format = "csv" });
        Assert.Equal(status, actualStatus);
        Assert.Equal(code, SecuredServer.FirstCode(body));
        if (caller == Caller.NoToken)
            Assert.StartsWith("Bearer", challenge, StringComparison.Ordinal);
        if (caller == Caller.NoDelegatedPermission)
            Assert.Equal($"Bearer error=\"insufficient_scope\", scope=\"{WelfareRoles.ReadScope}\"", challenge);
    }

    [Theory]
    [MemberData(nameof(BadDocuments))]
    public async Task The_same_bad_document_is_refused_the_same_way_on_every_edge_that_takes_one(
        Edge edge,
        BadDocument document,
        HttpStatusCode status,
        string code
    )
    {
        object request =
            document == BadDocument.UnknownTrustedId
                ? new { id = "NoSuchDocument", format = "csv" }
                : new { query = LongDocument, format = "csv" };
        var (actualStatus, body, _) = await SendAsync(edge, server.Token(WelfareRoles.Analyst), request);
        Assert.Equal(status, actualStatus);
        Assert.Equal(code, SecuredServer.FirstCode(body));
    }

    private async Task<(HttpStatusCode Status, JsonNode? Body, string Challenge)> SendAsync(Edge edge, string? token, object document)
    {
        using var client = server.Factory.CreateClient();
        if (token is not null)
            TestIdentity.Authorize(client, token);
        using var response = edge switch
        {
            Edge.GraphQL => await client.PostAsJsonAsync("/graphql", document),
            Edge.Export => await client.PostAsJsonAsync("/exports", document),
            Edge.ExportJob => await client.PostAsJsonAsync("/exports/jobs", document),
            Edge.PowerBiModel => await client.GetAsync("/exports/powerbi/model.zip"),
            _ => await client.GetAsync("/odata/Contributions"),
        };
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text), string.Join("; ", response.Headers.WwwAuthenticate));
    }
}
