using System.Net;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using WelfareGraph.Security;

namespace WelfareGraph.Tests.Security;

/// <summary>
/// Entra ID bearer tokens through Microsoft.Identity.Web, validated offline against a tenant made in the test:
/// its own issuer validation included (it reads the tenant's metadata, served in-process).
/// </summary>
public sealed class AuthenticationTests(SecuredDemoServer server) : IClassFixture<SecuredDemoServer>
{
    private const string Query = "{ province(code: \"IR-19\") { nameEn } }";

    private string Token(
        Action<SecurityTokenDescriptor>? change = null,
        SecurityKey? signWith = null,
        string? scp = WelfareRoles.ReadScope,
        string[]? roles = null
    ) => server.Identity.Token(roles ?? [WelfareRoles.Analyst], ScopeClaim.National, scp, change: change, signWith: signWith);

    [Fact]
    public async Task A_user_token_with_the_delegated_permission_reads()
    {
        var data = await server.DataAsync(Token(), Query);
        Assert.Equal("Zanjan", data["province"]!["nameEn"]!.GetValue<string>());
        AssertNothingLeftTheProcess();
    }

    [Fact]
    public async Task A_service_token_with_roles_only_reads()
    {
        var data = await server.DataAsync(Token(scp: null), Query);
        Assert.Equal("Zanjan", data["province"]!["nameEn"]!.GetValue<string>());
    }

    [Fact]
    public async Task Without_a_token_the_answer_is_401_with_a_bearer_challenge()
    {
        using var client = server.Factory.CreateClient();
        var response = await client.PostAsync(
            "/graphql",
            new StringContent("""{"query":"{ provinces { totalCount } }"}""", System.Text.Encoding.UTF8, "application/json")
        );
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
        Assert.Contains("AUTH_NOT_AUTHENTICATED", await response.Content.ReadAsStringAsync());
    }

    /// <summary>Each bad token, and what the bearer challenge must name as the reason.</summary>
    public static TheoryData<string, string> BadTokens() =>
        new()
        {
            { "expired", "expired" },
            { "not yet valid", "not valid before" },
            { "forged", "signature" },
            { "wrong audience", "audience" },
            { "wrong issuer (another tenant)", "issuer" },
            { "wrong issuer (another host)", "issuer" },
            { "neither roles nor scopes", "invalid_token" },
            { "unsigned", "signature" },
            { "garbage", "invalid_token" },
        };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task A_token_that_is_not_valid_is_401(string kind, string reason)
    {
        var now = DateTime.UtcNow;
        var other = Guid.NewGuid().ToString();
        var token = kind switch
        {
            // Past the default five minutes of clock skew either way.
            "expired" => Token(d => (d.IssuedAt, d.NotBefore, d.Expires) = (now.AddHours(-2), now.AddHours(-2), now.AddHours(-1))),
            "not yet valid" => Token(d => (d.IssuedAt, d.NotBefore, d.Expires) = (now, now.AddHours(1), now.AddHours(2))),
            // Same key id, another key: what an attacker who read the JWKS could make.
            "forged" => Token(signWith: new RsaSecurityKey(RSA.Create(2048)) { KeyId = server.Identity.Key.KeyId }),
            "wrong audience" => Token(d => d.Audience = "api://" + Guid.NewGuid()),
            // A real token of another Entra tenant: its own tid and the matching issuer.
            "wrong issuer (another tenant)" => Token(d =>
            {
                d.Issuer = $"{TestIdentity.Instance}{other}/v2.0";
                d.Claims["tid"] = other;
            }),
            "wrong issuer (another host)" => Token(d => d.Issuer = $"https://login.example.net/{server.Identity.TenantId}/v2.0"),
            // Identity.Web's own rule: such a token was not issued for an API that was consented to.
            "neither roles nor scopes" => Token(scp: null, roles: []),
            "unsigned" => Token(d => d.SigningCredentials = null),
            _ => "not.a.token",
        };
        var (status, body, challenge) = await server.SendAsync(token, Query);
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Null(body?["data"]);
        Assert.Contains(reason, challenge, StringComparison.OrdinalIgnoreCase);
        AssertNothingLeftTheProcess();
    }

    [Fact]
    public async Task A_user_token_without_the_delegated_permission_is_403()
    {
        var (status, body) = await server.PostAsync(Token(scp: "User.Read"), Query);
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("AUTH_INSUFFICIENT_SCOPE", SecuredServer.FirstCode(body));
    }

    [Fact]
    public async Task The_issuer_validation_is_Identity_Webs_reading_the_tenants_metadata_in_process()
    {
        await server.DataAsync(Token(), Query);
        // Identity.Web's AadIssuerValidator asked for the tenant's OpenID configuration (and got it from memory).
        Assert.Contains(
            server.Identity.MetadataRequests,
            uri =>
                uri.AbsoluteUri.EndsWith("/v2.0/.well-known/openid-configuration", StringComparison.Ordinal)
                && uri.AbsoluteUri.Contains(server.Identity.TenantId, StringComparison.Ordinal)
        );
        AssertNothingLeftTheProcess();
    }

    [Fact]
    public async Task The_IDE_and_health_need_no_token_but_the_schema_does_outside_Development()
    {
        using var client = server.Factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var ide = new HttpRequestMessage(HttpMethod.Get, "/graphql/");
        ide.Headers.Accept.ParseAdd("text/html");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(ide)).StatusCode);

        var (anonymous, _) = await server.PostAsync(null, "{ __schema { queryType { name } } }");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous);
        var data = await server.DataAsync(Token(), "{ __schema { queryType { name } } }");
        Assert.Equal("Query", data["__schema"]!["queryType"]!["name"]!.GetValue<string>());
    }

    private void AssertNothingLeftTheProcess() =>
        Assert.True(
            server.Identity.UnexpectedRequests.IsEmpty,
            "Requests outside the process: " + string.Join(", ", server.Identity.UnexpectedRequests)
        );
}
