using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Identity.Web;

namespace WelfareGraph.Security;

/// <summary>
/// Who the caller is: Entra ID bearer tokens through Microsoft.Identity.Web when the <c>AzureAd</c> section
/// is configured; otherwise, in Development only, the local developer identity for loopback requests.
/// Anywhere else without <c>AzureAd</c> the server refuses to start: it never serves data unauthenticated.
/// </summary>
public static class WelfareAuthentication
{
    public const string AzureAdSection = "AzureAd";

    /// <summary>The HttpClient Identity.Web's issuer validator reads Entra's metadata with (tests serve it in-process).</summary>
    public const string MetadataHttpClient = "WelfareGraph.EntraMetadata";

    public static IServiceCollection AddWelfareAuthentication(
        this IServiceCollection services,
        IConfiguration configuration,
        IHostEnvironment environment
    )
    {
        var azureAd = configuration.GetSection(AzureAdSection);
        if (azureAd.Exists())
        {
            services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddMicrosoftIdentityWebApi(azureAd);
            services.Configure<JwtBearerOptions>(
                JwtBearerDefaults.AuthenticationScheme,
                jwt =>
                {
                    // Claims keep the names the token gives them (roles, scp, oid, welfare_scope).
                    jwt.MapInboundClaims = false;
                    jwt.TokenValidationParameters.RoleClaimType = WelfareRoles.RolesClaim;
                    jwt.TokenValidationParameters.NameClaimType = "name";
                }
            );
            services.AddHttpClient(MetadataHttpClient);
            services.Configure<AadIssuerValidatorOptions>(o => o.HttpClientName = MetadataHttpClient);
        }
        else if (environment.IsDevelopment())
        {
            services
                .AddAuthentication(LocalDeveloperAuthentication.SchemeName)
                .AddScheme<AuthenticationSchemeOptions, LocalDeveloperAuthentication>(LocalDeveloperAuthentication.SchemeName, null);
        }
        else
        {
            throw new StartupRefusedException(
                $"WelfareGraph will not start in the '{environment.EnvironmentName}' environment without authentication: "
                    + $"configure the '{AzureAdSection}' section (Instance, TenantId, ClientId of the API's Entra ID app registration) "
                    + "in appsettings.json or as environment variables (AzureAd__TenantId=...). "
                    + "Only the Development environment runs without it, and then only for requests from this machine."
            );
        }
        services.AddAuthorization();
        return services;
    }
}
