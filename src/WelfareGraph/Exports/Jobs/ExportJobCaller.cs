using System.Security.Claims;
using WelfareGraph.Data;
using WelfareGraph.Security;

namespace WelfareGraph.Exports.Jobs;

/// <summary>
/// The caller a job was admitted with, kept with the job and rebuilt for its run: the subject, the client, the
/// WelfareGraph roles and delegated permissions, and the normalised scope codes. Nothing else of the token is
/// kept, so a job can never run with more than its caller had when it was submitted, on any server.
/// </summary>
public static class ExportJobCaller
{
    public const string AuthenticationType = "ExportJob";

    public static void Store(ClaimsPrincipal user, ExportJobRecord job)
    {
        job.Owner = AuditLog.SubjectOf(user);
        job.Client = user.FindFirst("azp")?.Value ?? user.FindFirst("appid")?.Value;
        job.Roles = string.Join(' ', WelfareRoles.Of(user).Order(StringComparer.Ordinal));
        job.Permissions = string.Join(
            ' ',
            user.FindAll(WelfareRoles.ScopesClaim).SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Distinct()
        );
        job.Scope = string.Join(' ', ScopeClaim.Read(user).All);
    }

    public static ClaimsPrincipal Principal(ExportJobRecord job)
    {
        var claims = new List<Claim> { new("oid", job.Owner) };
        if (job.Client is not null)
            claims.Add(new Claim("azp", job.Client));
        claims.AddRange(Split(job.Roles).Select(role => new Claim(WelfareRoles.RolesClaim, role)));
        if (job.Permissions.Length > 0)
            claims.Add(new Claim(WelfareRoles.ScopesClaim, job.Permissions));
        claims.AddRange(Split(job.Scope).Select(code => new Claim(ScopeClaim.Type, code)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, AuthenticationType, "oid", WelfareRoles.RolesClaim));
    }

    private static string[] Split(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
