using System.Security.Claims;

namespace WelfareGraph.Security;

/// <summary>The app roles of the WelfareGraph API registration in Entra ID (the <c>roles</c> claim).</summary>
public static class WelfareRoles
{
    public const string Analyst = "Welfare.Analyst";
    public const string Auditor = "Welfare.Auditor";
    public const string Integration = "Welfare.Integration";
    public const string Admin = "Welfare.Admin";

    public static readonly IReadOnlyList<string> All = [Analyst, Auditor, Integration, Admin];

    /// <summary>The claim types, as the token writes them (inbound claim mapping is off).</summary>
    public const string RolesClaim = "roles";
    public const string ScopesClaim = "scp";

    /// <summary>The delegated permission a user token must carry; service (app-only) tokens carry roles only.</summary>
    public const string ReadScope = "Welfare.Read";

    /// <summary>The caller's WelfareGraph roles (others in the token mean nothing here).</summary>
    public static IReadOnlySet<string> Of(ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true
            ? user.FindAll(RolesClaim).Select(c => c.Value).Where(All.Contains).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>();

    /// <summary>A user token is recognised by its delegated scopes (<c>scp</c>); it must include <see cref="ReadScope"/>.</summary>
    public static bool HasDelegatedAccess(ClaimsPrincipal user)
    {
        var scopes = user.FindAll(ScopesClaim).SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        return scopes.Count == 0 || scopes.Contains(ReadScope, StringComparer.Ordinal);
    }
}
