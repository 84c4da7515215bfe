using WelfareGraph.Security;

namespace WelfareGraph.Http;

/// <summary>
/// What the statement page needs to sign a user in, sent to the browser as <c>/statements/config.json</c>:
/// nothing secret (a single-page application has no secret; it proves itself with PKCE).
/// </summary>
/// <param name="Mode"><c>local</c> (Development, no <c>AzureAd</c>: the server's local developer identity applies) or <c>entra</c>.</param>
public sealed record StatementSignIn(string Mode, string? ClientId, string? Authority, string? RedirectUri, IReadOnlyList<string> Scopes)
{
    public static StatementSignIn For(IConfiguration configuration, StatementPageOptions options, HttpRequest request)
    {
        var azureAd = configuration.GetSection(WelfareAuthentication.AzureAdSection);
        if (!azureAd.Exists())
            return new StatementSignIn("local", null, null, null, []);
        var apiClientId = azureAd["ClientId"] ?? "";
        var instance = (azureAd["Instance"] ?? "").TrimEnd('/');
        return new StatementSignIn(
            "entra",
            options.SpaClientId.Length > 0 ? options.SpaClientId : apiClientId,
            $"{instance}/{azureAd["TenantId"]}",
            // One redirect address to register for every province and period: MSAL returns to the page that
            // started the sign-in afterwards.
            $"{request.Scheme}://{request.Host}{request.PathBase}{StatementPage.Path}/",
            [options.ApiScope.Length > 0 ? options.ApiScope : $"api://{apiClientId}/{WelfareRoles.ReadScope}"]
        );
    }
}
