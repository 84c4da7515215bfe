using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace WelfareGraph.Security;

/// <summary>
/// The development identity: with no <c>AzureAd</c> configuration and the Development environment, a request
/// from this machine (loopback) runs as a local developer with every role and national scope, so
/// <c>dotnet run</c> and the IDE work with no sign-in. A request from anywhere else gets no identity — a dev
/// server reachable from the network gives nothing away. A missing remote address (a Unix socket, an
/// in-process host) is not loopback: only the socket's own peer address counts, and forwarded headers are
/// never read.
/// </summary>
public sealed class LocalDeveloperAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder
) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "LocalDeveloper";
    public const string Subject = "local-developer";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Context.Connection.RemoteIpAddress is not { } address || !IPAddress.IsLoopback(address))
            return Task.FromResult(AuthenticateResult.NoResult());
        Claim[] claims =
        [
            new("oid", Subject),
            new("name", "Local developer"),
            new(WelfareRoles.ScopesClaim, WelfareRoles.ReadScope),
            new(ScopeClaim.Type, ScopeClaim.National),
            .. WelfareRoles.All.Select(role => new Claim(WelfareRoles.RolesClaim, role)),
        ];
        var identity = new ClaimsIdentity(claims, SchemeName, "name", WelfareRoles.RolesClaim);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
