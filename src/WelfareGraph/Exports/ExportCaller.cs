using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using WelfareGraph.Security;

namespace WelfareGraph.Exports;

/// <summary>
/// The checks every export, model and feed request passes before any work, the same as the GraphQL endpoint's:
/// an authenticated caller (401), a user token with the API's delegated permission (403), the roles the access
/// policy gives the export (403), and the caller's scope resolved onto the request, where every context the
/// request creates takes it from.
/// </summary>
public static class ExportCaller
{
    /// <param name="export">The export's name in <see cref="AccessPolicy.Exports"/>; null when the GraphQL fields it runs are checked instead.</param>
    /// <returns>True when the caller may go on; false when the refusal has been written.</returns>
    public static async Task<bool> AdmitAsync(HttpContext http, string? export)
    {
        if (http.User.Identity?.IsAuthenticated != true)
        {
            await http.ChallengeAsync();
            await WriteErrorAsync(http, StatusCodes.Status401Unauthorized, "A valid bearer token is required.", "AUTH_NOT_AUTHENTICATED");
            return false;
        }
        if (!WelfareRoles.HasDelegatedAccess(http.User))
        {
            http.Response.Headers.WWWAuthenticate = $"Bearer error=\"insufficient_scope\", scope=\"{WelfareRoles.ReadScope}\"";
            await WriteErrorAsync(http, StatusCodes.Status403Forbidden,
                $"The token was issued for this API without its delegated permission {WelfareRoles.ReadScope}.", "AUTH_INSUFFICIENT_SCOPE");
            return false;
        }
        if (export is not null && !AccessPolicy.AllowsExport(http.User, export))
        {
            await WriteErrorAsync(http, StatusCodes.Status403Forbidden, $"Exports of {export} are not open to your roles.", RootFieldAuthorization.NotAuthorized);
            return false;
        }
        await http.RequestServices.GetRequiredService<CallerScopes>().ResolveAsync(http, http.RequestAborted);
        return true;
    }

    public static async Task WriteErrorAsync(HttpContext http, int status, string message, string code)
    {
        if (http.Response.HasStarted) return;
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(http.Response.Body, new { errors = new[] { new { message, extensions = new { code } } } },
            ExportJson.Options, http.RequestAborted);
    }
}
