using System.ComponentModel.DataAnnotations;
using WelfareGraph.Configuration;

namespace WelfareGraph.Http;

/// <summary>The <c>Statements</c> section of appsettings.json: how the printable statement page signs users in.</summary>
[SettingsSection("Statements")]
public sealed class StatementPageOptions
{
    /// <summary>
    /// The client id of the page's single-page-application registration in Entra ID; empty means the API's own
    /// registration (<c>AzureAd:ClientId</c>) has the SPA platform too. Public by nature: it is sent to browsers.
    /// </summary>
    [RegularExpression(@"^$|^[0-9a-fA-F-]{36}$", ErrorMessage = "must be empty or an Entra ID application (client) id")]
    public string SpaClientId { get; set; } = "";

    /// <summary>The delegated scope the page asks a token for; empty means <c>api://{AzureAd:ClientId}/Welfare.Read</c>.</summary>
    public string ApiScope { get; set; } = "";
}
