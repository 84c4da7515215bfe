using WelfareGraph.Data;
using WelfareGraph.Exports.Formats;
using WelfareGraph.Requests;
using WelfareGraph.Security;

namespace WelfareGraph.Exports.Jobs;

/// <summary>
/// <c>POST /exports/jobs</c> starts a background export (202 with its status); <c>GET /exports/jobs/{id}</c>
/// tells its state and the rows written so far; <c>GET /exports/jobs/{id}/file</c> downloads the file once it
/// is complete; <c>DELETE /exports/jobs/{id}</c> cancels it (or removes a finished one). Jobs are visible to
/// their own caller only.
/// </summary>
public static class ExportJobEndpoints
{
    public sealed record JobStatus(
        string Id,
        string State,
        long RowsWritten,
        string Format,
        string Mode,
        string? FileName,
        DateTimeOffset StartedAt,
        DateTimeOffset? FinishedAt,
        string? Error,
        string? ErrorCode,
        string StatusUrl,
        string? DownloadUrl
    );

    public static void MapExportJobEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var jobs = endpoints.MapGroup("/exports/jobs").RequireRateLimiting(WelfareRateLimiting.Policy).RequireAdmittedCaller();
        jobs.MapPost("", StartAsync);
        jobs.MapGet("/{id}", StatusAsync);
        jobs.MapGet("/{id}/file", DownloadAsync).WithMetadata(StreamsFile.Instance);
        jobs.MapDelete("/{id}", CancelAsync);
    }

    /// <remarks>The document is refused here as <c>POST /exports</c> would refuse it, not accepted for a job that then fails.</remarks>
    private static async Task StartAsync(HttpContext http, ExportJobs jobs, [AsParameters] ExportServices services)
    {
        if (await ExportEndpoints.ReadBodyAsync(http, services.Limits) is not { } request)
            return;
        AuditStep? refusal = null;
        try
        {
            var spec = services.Runner.Resolve(http.User, request);
            refusal = services.Runner.BeginAudit(http.User, spec);
            services.Runner.Authorize(http.User, spec);
            var job = await jobs.StartAsync(http.User, request, spec, http.RequestAborted);
            http.Response.StatusCode = StatusCodes.Status202Accepted;
            http.Response.Headers.Location = StatusUrl(http, job);
            await http.Response.WriteAsJsonAsync(Status(http, jobs, job), ExportJson.Options, http.RequestAborted);
        }
        catch (ExportQueryException e)
        {
            await ExportEndpoints.RefuseAsync(http, services, refusal!, e);
        }
        catch (ExportException e)
        {
            await RefusalResponse.WriteAsync(http, e.Status, e.Message, e.Code);
        }
    }

    private static async Task StatusAsync(HttpContext http, string id, ExportJobs jobs)
    {
        if (await FindAsync(http, jobs, id) is not { } job)
            return;
        await http.Response.WriteAsJsonAsync(Status(http, jobs, job), ExportJson.Options, http.RequestAborted);
    }

    private static async Task DownloadAsync(HttpContext http, string id, ExportJobs jobs)
    {
        if (await FindAsync(http, jobs, id) is not { } job)
            return;
        var file =
            job.State == ExportJobs.Name(ExportJobState.Succeeded) && job.StoredName is { } stored
                ? await jobs.Store.OpenReadAsync(stored, http.RequestAborted)
                : null;
        if (file is not var (content, length))
        {
            await RefusalResponse.WriteAsync(
                http,
                StatusCodes.Status409Conflict,
                $"The export is {job.State}: there is no file to download.",
                "EXPORT_NOT_READY"
            );
            return;
        }
        await using (content)
        {
            ExportFileNames.SetAttachment(http.Response, ExportFormats.ContentType(FormatOf(job)), job.FileName!);
            http.Response.ContentLength = length;
            await content.CopyToAsync(http.Response.Body, http.RequestAborted);
        }
    }

    private static async Task CancelAsync(HttpContext http, string id, ExportJobs jobs)
    {
        if (await FindAsync(http, jobs, id) is not { } job)
            return;
        var running = job.State == ExportJobs.Name(ExportJobState.Running);
        await jobs.RemoveAsync(job, http.RequestAborted);
        http.Response.StatusCode = running ? StatusCodes.Status202Accepted : StatusCodes.Status204NoContent;
        if (running)
            await http.Response.WriteAsJsonAsync(Status(http, jobs, job), ExportJson.Options, http.RequestAborted);
    }

    private static async Task<ExportJobRecord?> FindAsync(HttpContext http, ExportJobs jobs, string id)
    {
        var job = await jobs.FindAsync(id, http.User, http.RequestAborted);
        if (job is null)
            await RefusalResponse.WriteAsync(
                http,
                StatusCodes.Status404NotFound,
                $"There is no export job '{id}' of yours.",
                "EXPORT_JOB_NOT_FOUND"
            );
        return job;
    }

    private static ExportFormat FormatOf(ExportJobRecord job) => ExportSpec.ParseEnum(job.Format, "format", ExportFormat.Csv);

    private static string StatusUrl(HttpContext http, ExportJobRecord job) => $"{http.Request.PathBase}/exports/jobs/{job.Id}";

    private static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));

    private static JobStatus Status(HttpContext http, ExportJobs jobs, ExportJobRecord job) =>
        new(
            job.Id,
            job.State,
            jobs.RowsWritten(job),
            job.Format,
            job.Mode,
            job.FileName,
            Utc(job.StartedAt),
            job.FinishedAt is { } finished ? Utc(finished) : null,
            job.Error,
            job.ErrorCode,
            StatusUrl(http, job),
            job.State == ExportJobs.Name(ExportJobState.Succeeded) ? StatusUrl(http, job) + "/file" : null
        );
}
