using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using WelfareGraph.Security;

namespace WelfareGraph.Requests;

/// <summary>Why a caller is not admitted: the status, the error's message and code, and the challenge that goes with it.</summary>
public sealed record AdmissionRefusal(int Status, string Message, string Code)
{
    /// <summary>The headers that say why: the authentication scheme's challenge (401), or the missing delegated permission (403).</summary>
    public async Task ChallengeAsync(HttpContext http)
    {
        if (Code == CallerAdmission.NotAuthenticated)
            await http.ChallengeAsync();
        else if (Code == CallerAdmission.InsufficientScope)
            http.Response.Headers.WWWAuthenticate = $"Bearer error=\"insufficient_scope\", scope=\"{WelfareRoles.ReadScope}\"";
    }
}

/// <summary>
/// Who may use an edge at all, the one rule every edge applies before any work: an authenticated caller (401), a user
/// token with the API's delegated permission (403), and, for an edge the access policy names as an export, one of the
/// roles it opens that export to (403). The GraphQL fields a document runs are authorized by the schema instead.
/// </summary>
public static class CallerAdmission
{
    public const string NotAuthenticated = "AUTH_NOT_AUTHENTICATED";
    public const string InsufficientScope = "AUTH_INSUFFICIENT_SCOPE";

    /// <param name="export">The export's name in <see cref="AccessPolicy.Exports"/>; null when the GraphQL fields it runs are checked
    /// instead.</param>
    /// <returns>Null when the caller is admitted.</returns>
    public static AdmissionRefusal? Check(ClaimsPrincipal user, string? export)
    {
        if (user.Identity?.IsAuthenticated != true)
            return new(StatusCodes.Status401Unauthorized, "A valid bearer token is required.", NotAuthenticated);
        if (!WelfareRoles.HasDelegatedAccess(user))
            return new(
                StatusCodes.Status403Forbidden,
                $"The token was issued for this API without its delegated permission {WelfareRoles.ReadScope}.",
                InsufficientScope
            );
        if (export is not null && !AccessPolicy.AllowsExport(user, export))
            return new(
                StatusCodes.Status403Forbidden,
                $"Exports of {export} are not open to your roles.",
                RootFieldAuthorization.NotAuthorized
            );
        return null;
    }

    /// <summary>
    /// Admits the request's caller or writes the refusal as a JSON error body (the file edges' answer); an admitted
    /// caller's scope is resolved onto the request, where every context the request creates takes it from.
    /// </summary>
    /// <returns>True when the caller may go on; false when the refusal has been written.</returns>
    public static async Task<bool> AdmitAsync(HttpContext http, string? export, CallerScopes scopes)
    {
        if (Check(http.User, export) is { } refusal)
        {
            await refusal.ChallengeAsync(http);
            await RefusalResponse.WriteAsync(http, refusal.Status, refusal.Message, refusal.Code);
            return false;
        }
        await scopes.ResolveAsync(http, http.RequestAborted);
        return true;
    }
}
