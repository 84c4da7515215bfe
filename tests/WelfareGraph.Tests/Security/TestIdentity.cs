using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using WelfareGraph.Security;

namespace WelfareGraph.Tests.Security;

/// <summary>
/// A stand-in Entra ID tenant, entirely in the test process: a signing key made here, the tenant's OpenID
/// configuration given to the JWT handler as a static configuration, and served to Identity.Web's issuer
/// validator (which reads the tenant's metadata to learn the issuer) by an in-process HTTP handler that
/// refuses every other address. No request leaves the process; <see cref="UnexpectedRequests"/> proves it.
/// </summary>
public sealed class TestIdentity
{
    public const string Instance = "https://login.microsoftonline.com/";

    private readonly RSA _rsa = RSA.Create(2048);

    /// <param name="instance">
    /// The tenant's authority host; another than Entra's for a server in another process, which fetches the metadata itself
    /// (<see cref="LoopbackTokenAuthority"/>).
    /// </param>
    public TestIdentity(string instance = Instance)
    {
        InstanceUrl = instance;
        Key = new RsaSecurityKey(_rsa) { KeyId = "test-key-" + Guid.NewGuid().ToString("N")[..8] };
    }

    public string InstanceUrl { get; }
    public string TenantId { get; } = Guid.NewGuid().ToString();
    public string ClientId { get; } = Guid.NewGuid().ToString();

    /// <summary>Entra v2.0 access tokens carry the API's client id as audience (Identity.Web checks that).</summary>
    public string Audience => ClientId;
    public string Issuer => $"{InstanceUrl}{TenantId}/v2.0";
    public RsaSecurityKey Key { get; }

    /// <summary>Metadata requests the in-process handler answered, and any other it refused.</summary>
    public ConcurrentQueue<Uri> MetadataRequests { get; } = new();
    public ConcurrentQueue<Uri> UnexpectedRequests { get; } = new();

    /// <summary>The <c>AzureAd</c> section of this tenant's API registration.</summary>
    public IReadOnlyDictionary<string, string?> AzureAdSettings =>
        new Dictionary<string, string?>
        {
            ["AzureAd:Instance"] = InstanceUrl,
            ["AzureAd:TenantId"] = TenantId,
            ["AzureAd:ClientId"] = ClientId,
        };

    /// <summary>Points the server's JWT validation at this tenant, offline.</summary>
    public void Install(IServiceCollection services)
    {
        services.PostConfigure<JwtBearerOptions>(
            JwtBearerDefaults.AuthenticationScheme,
            jwt =>
            {
                jwt.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(OpenIdConfiguration());
                // Nothing else of the JWT handler may fetch either.
                jwt.Backchannel = new HttpClient(new MetadataHandler(this));
            }
        );
        services
            .AddHttpClient(WelfareAuthentication.MetadataHttpClient)
            .ConfigurePrimaryHttpMessageHandler(() => new MetadataHandler(this));
    }

    /// <summary>What Entra publishes for the tenant: issuer, keys (each naming its issuer, as Entra's do).</summary>
    public OpenIdConnectConfiguration OpenIdConfiguration()
    {
        var configuration = new OpenIdConnectConfiguration { Issuer = Issuer, JwksUri = JwksUri };
        configuration.SigningKeys.Add(Key);
        configuration.JsonWebKeySet = new JsonWebKeySet();
        configuration.JsonWebKeySet.Keys.Add(PublicJwk());
        return configuration;
    }

    /// <summary>A user token (delegated <c>scp</c>) or, with <paramref name="scp"/> null, a service token (roles only).</summary>
    public string Token(
        IEnumerable<string> roles,
        object? scope,
        string? scp = WelfareRoles.ReadScope,
        string subject = "user-1",
        Action<SecurityTokenDescriptor>? change = null,
        SecurityKey? signWith = null
    )
    {
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object>
        {
            ["tid"] = TenantId,
            ["oid"] = subject,
            ["sub"] = subject,
            ["azp"] = "client-app",
            ["ver"] = "2.0",
            ["roles"] = roles.ToArray(),
        };
        if (scp is not null)
            claims["scp"] = scp;
        if (scope is not null)
            claims[ScopeClaim.Type] = scope;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now,
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddMinutes(30),
            Claims = claims,
            SigningCredentials = new SigningCredentials(signWith ?? Key, SecurityAlgorithms.RsaSha256),
        };
        change?.Invoke(descriptor);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    public static HttpClient Authorize(HttpClient client, string token)
    {
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private string MetadataUri => $"{InstanceUrl}{TenantId}/v2.0/.well-known/openid-configuration";
    private string JwksUri => $"{InstanceUrl}{TenantId}/discovery/v2.0/keys";

    /// <summary>The tenant's metadata document or its key set, as Entra serves them at these addresses; null for any other.</summary>
    public string? DocumentAt(Uri uri) =>
        uri.AbsoluteUri == MetadataUri
            ? JsonSerializer.Serialize(
                new
                {
                    issuer = Issuer,
                    jwks_uri = JwksUri,
                    authorization_endpoint = $"{InstanceUrl}{TenantId}/oauth2/v2.0/authorize",
                    token_endpoint = $"{InstanceUrl}{TenantId}/oauth2/v2.0/token",
                    id_token_signing_alg_values_supported = new[] { "RS256" },
                }
            )
        : uri.AbsoluteUri == JwksUri
            ? JsonSerializer.Serialize(
                new
                {
                    keys = new[] { PublicJwk() }.Select(k => new
                    {
                        kty = k.Kty,
                        use = k.Use,
                        kid = k.Kid,
                        e = k.E,
                        n = k.N,
                        issuer = Issuer,
                    }),
                }
            )
        : null;

    private JsonWebKey PublicJwk()
    {
        var parameters = _rsa.ExportParameters(false);
        var jwk = new JsonWebKey
        {
            Kty = "RSA",
            Use = "sig",
            Kid = Key.KeyId,
            E = Base64UrlEncoder.Encode(parameters.Exponent),
            N = Base64UrlEncoder.Encode(parameters.Modulus),
        };
        jwk.AdditionalData["issuer"] = Issuer;
        return jwk;
    }

    /// <summary>Answers the tenant's two metadata documents from memory; anything else is refused and recorded.</summary>
    private sealed class MetadataHandler(TestIdentity identity) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var uri = request.RequestUri!;
            var body = identity.DocumentAt(uri);
            if (body is null)
            {
                identity.UnexpectedRequests.Enqueue(uri);
                throw new HttpRequestException($"The test identity refuses to contact {uri}: tests never leave the process.");
            }
            identity.MetadataRequests.Enqueue(uri);
            return Task.FromResult(
                new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") }
            );
        }
    }
}
