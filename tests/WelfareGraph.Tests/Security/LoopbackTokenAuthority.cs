using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Logging;
using WelfareGraph.Tests.Infrastructure;

namespace WelfareGraph.Tests.Security;

/// <summary>
/// A <see cref="TestIdentity"/> tenant whose metadata and keys are served over HTTP on loopback, for servers
/// running as programs of their own (which cannot be handed an in-process handler): they are pointed at it with
/// <see cref="ServerSettings"/> and validate its tokens as they would Entra's.
/// </summary>
public sealed class LoopbackTokenAuthority : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackTokenAuthority(WebApplication app, TestIdentity identity) => (_app, Identity) = (app, identity);

    public TestIdentity Identity { get; }

    /// <summary>
    /// The <c>AzureAd</c> section as environment variables, and what lets the server read this authority's metadata over HTTP.
    /// </summary>
    public IReadOnlyDictionary<string, string?> ServerSettings =>
        new Dictionary<string, string?>
        {
            ["AzureAd__Instance"] = Identity.InstanceUrl,
            ["AzureAd__TenantId"] = Identity.TenantId,
            ["AzureAd__ClientId"] = Identity.ClientId,
            // ASP.NET Core's own JWT bearer section: metadata over plain HTTP (loopback only), and then — since that
            // section replaces the token validation parameters — the audience and issuer Identity.Web would have set.
            ["Authentication__Schemes__Bearer__RequireHttpsMetadata"] = "false",
            ["Authentication__Schemes__Bearer__ValidAudiences__0"] = Identity.Audience,
            ["Authentication__Schemes__Bearer__ValidIssuers__0"] = Identity.Issuer,
        };

    public static async Task<LoopbackTokenAuthority> StartAsync()
    {
        var port = LoopbackPort.Free();
        var identity = new TestIdentity($"http://127.0.0.1:{port}/");
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        app.Run(async http =>
        {
            var uri = new Uri(http.Request.GetDisplayUrl());
            if (identity.DocumentAt(uri) is not { } body)
            {
                identity.UnexpectedRequests.Enqueue(uri);
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            identity.MetadataRequests.Enqueue(uri);
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync(body);
        });
        await app.StartAsync();
        return new LoopbackTokenAuthority(app, identity);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
