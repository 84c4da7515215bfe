using System.Text;
using System.Text.Json;
using System.Web;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Playwright;
using WelfareGraph.Tests.Security;

namespace WelfareGraph.Tests.Statements;

/// <summary>
/// The Entra ID tenant of a <see cref="TestIdentity"/> as a browser meets it, answered by the test inside the
/// browser (Playwright routes): the tenant's metadata, the authorize endpoint (which signs the user in at once
/// and sends the browser back with a code) and the token endpoint (which trades the code for an ID token and
/// the given access token, as Entra does for a single-page application). Nothing is sent to the real host.
/// </summary>
public sealed class EntraStandIn(TestIdentity identity, string accessToken)
{
    public const string Host = "login.microsoftonline.com";

    private string? _nonce;

    /// <summary>The authorize requests the page made (MSAL's authorization code request with PKCE).</summary>
    public List<Uri> Authorizations { get; } = [];
    public List<string> TokenRequests { get; } = [];

    public void Install(StatementBrowser browser) => browser.StandIns[Host] = AnswerAsync;

    private async Task AnswerAsync(IRoute route)
    {
        var request = route.Request;
        var uri = new Uri(request.Url);
        var tenant = $"/{identity.TenantId}";
        if (request.Method == "OPTIONS")
        {
            await route.FulfillAsync(new() { Status = 204, Headers = Cors(request) });
            return;
        }
        if (uri.AbsolutePath.EndsWith("/discovery/instance", StringComparison.Ordinal))
        {
            await JsonAsync(
                route,
                new
                {
                    tenant_discovery_endpoint = $"{TestIdentity.Instance}{identity.TenantId}/v2.0/.well-known/openid-configuration",
                    metadata = new[]
                    {
                        new
                        {
                            preferred_network = Host,
                            preferred_cache = Host,
                            aliases = new[] { Host },
                        },
                    },
                }
            );
            return;
        }
        if (uri.AbsolutePath == $"{tenant}/v2.0/.well-known/openid-configuration")
        {
            await JsonAsync(
                route,
                new
                {
                    issuer = identity.Issuer,
                    authorization_endpoint = $"{TestIdentity.Instance}{identity.TenantId}/oauth2/v2.0/authorize",
                    token_endpoint = $"{TestIdentity.Instance}{identity.TenantId}/oauth2/v2.0/token",
                    end_session_endpoint = $"{TestIdentity.Instance}{identity.TenantId}/oauth2/v2.0/logout",
                    jwks_uri = $"{TestIdentity.Instance}{identity.TenantId}/discovery/v2.0/keys",
                    response_modes_supported = new[] { "query", "fragment", "form_post" },
                }
            );
            return;
        }
        if (uri.AbsolutePath == $"{tenant}/oauth2/v2.0/authorize")
        {
            Authorizations.Add(uri);
            var query = HttpUtility.ParseQueryString(uri.Query);
            _nonce = query["nonce"];
            var answer =
                $"code=stand-in-code&state={Uri.EscapeDataString(query["state"] ?? "")}&client_info={Uri.EscapeDataString(ClientInfo())}";
            var separator = query["response_mode"] == "query" ? "?" : "#";
            await route.FulfillAsync(
                new()
                {
                    Status = 302,
                    Headers = new Dictionary<string, string> { ["Location"] = query["redirect_uri"] + separator + answer },
                }
            );
            return;
        }
        if (uri.AbsolutePath == $"{tenant}/oauth2/v2.0/token" && request.Method == "POST")
        {
            TokenRequests.Add(request.PostData ?? "");
            var form = HttpUtility.ParseQueryString(request.PostData ?? "");
            await JsonAsync(
                route,
                new
                {
                    token_type = "Bearer",
                    scope = form["scope"],
                    expires_in = 3600,
                    ext_expires_in = 3600,
                    access_token = accessToken,
                    id_token = IdToken(),
                    client_info = ClientInfo(),
                },
                Cors(request)
            );
            return;
        }
        await route.FulfillAsync(new() { Status = 404, Headers = Cors(request) });
    }

    private static Dictionary<string, string> Cors(IRequest request) =>
        new()
        {
            ["Access-Control-Allow-Origin"] = request.Headers.TryGetValue("origin", out var origin) ? origin : "*",
            ["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS",
            ["Access-Control-Allow-Headers"] = request.Headers.TryGetValue("access-control-request-headers", out var headers)
                ? headers
                : "*",
        };

    private static Task JsonAsync(IRoute route, object body, Dictionary<string, string>? headers = null) =>
        route.FulfillAsync(
            new()
            {
                Status = 200,
                ContentType = "application/json",
                Body = JsonSerializer.Serialize(body),
                Headers = headers ?? Cors(route.Request),
            }
        );

    private string ClientInfo() =>
        Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { uid = "county-analyst", utid = identity.TenantId })));

    private string IdToken()
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(
            new SecurityTokenDescriptor
            {
                Issuer = identity.Issuer,
                Audience = identity.ClientId,
                IssuedAt = now,
                NotBefore = now.AddMinutes(-1),
                Expires = now.AddMinutes(30),
                Claims = new Dictionary<string, object>
                {
                    ["tid"] = identity.TenantId,
                    ["oid"] = "county-analyst",
                    ["sub"] = "county-analyst",
                    ["name"] = "County analyst",
                    ["preferred_username"] = "analyst@example.org",
                    ["nonce"] = _nonce ?? "",
                    ["ver"] = "2.0",
                },
                SigningCredentials = new SigningCredentials(identity.Key, SecurityAlgorithms.RsaSha256),
            }
        );
    }
}
