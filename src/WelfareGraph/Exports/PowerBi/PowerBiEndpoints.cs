using System.Text.Json;
using WelfareGraph.Data;
using WelfareGraph.Exports.OData;
using WelfareGraph.Requests;
using WelfareGraph.Security;

namespace WelfareGraph.Exports.PowerBi;

/// <summary>
/// <c>GET /exports/powerbi/model.zip</c> (the star schema as files) and <c>GET /exports/powerbi/welfaregraph.pbids</c> (a connection file
/// for the feed).
/// </summary>
public static class PowerBiEndpoints
{
    public static void MapPowerBiEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // The model is every fact of the caller's scope, streamed: it takes as long as it takes, like a file export.
        var powerBi = endpoints
            .MapGroup("/exports/powerbi")
            .RequireRateLimiting(WelfareRateLimiting.Policy)
            .RequireAdmittedCaller("contributions");
        powerBi.MapGet("/model.zip", ModelAsync).WithMetadata(StreamsFile.Instance);
        powerBi.MapGet("/welfaregraph.pbids", ConnectionFileAsync);
    }

    private static async Task ModelAsync(HttpContext http, [AsParameters] PowerBiServices services)
    {
        var audit = services.Audit.Begin(http.User, "export", "powerbi:model.zip", "powerbi-model", ["export:powerbi:model"]);
        var today = DateOnly.FromDateTime(services.Clock.GetUtcNow().UtcDateTime);
        ExportFileNames.SetAttachment(http.Response, "application/zip", $"welfaregraph-model_{today:yyyy-MM-dd}.zip");
        try
        {
            audit.Rows = await PowerBiModel.WriteAsync(http.User, services, http.Response.Body, http.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            audit.Cancelled();
        }
        catch (Exception e) when (DatabaseOutage.IsOutage(e) && !http.Response.HasStarted)
        {
            // Nothing sent yet: a 503, written by the outage middleware (the audit entry below cannot be stored either).
            audit.Failed(DatabaseOutage.Code);
            throw;
        }
        catch (Exception e)
        {
            audit.Failed("EXPORT_FAILED");
            services.Log.LogError(e, "The Power BI model failed while streaming");
            http.Abort();
        }
        finally
        {
            await audit.RecordAsync();
        }
    }

    /// <summary>A .pbids file: opening it in Power BI Desktop starts an OData connection to this server's feed.</summary>
    private static async Task ConnectionFileAsync(HttpContext http, ExportOptions options)
    {
        var baseUrl = string.IsNullOrWhiteSpace(options.PublicBaseUrl)
            ? $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}"
            : options.PublicBaseUrl.TrimEnd('/');
        var file = new
        {
            version = "0.1",
            connections = new[]
            {
                new
                {
                    details = new { protocol = "odata", address = new { url = $"{baseUrl}/{FeedModel.RoutePrefix}" } },
                    options = new { },
                    mode = "Import",
                },
            },
        };
        ExportFileNames.SetAttachment(http.Response, "application/json; charset=utf-8", "welfaregraph.pbids");
        await JsonSerializer.SerializeAsync(http.Response.Body, file, ExportJson.Options, http.RequestAborted);
    }
}
