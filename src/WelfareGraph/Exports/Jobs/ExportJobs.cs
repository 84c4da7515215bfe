using System.Collections.Concurrent;
using System.Security.Claims;
using GraphQL;
using WelfareGraph.Security;

namespace WelfareGraph.Exports.Jobs;

/// <summary>
/// Background exports. A job runs the same export as <c>POST /exports</c>, as its caller: it gets a request
/// context of its own holding the caller's identity, so the scope, the roles and the audit log apply exactly
/// as to a request. It writes to <c>{id}.partial</c> and renames the file to its final name only when it is
/// complete; a failed, cancelled or interrupted job deletes its partial file, and files left by a server that
/// stopped mid-job are removed at start, so no half file is ever offered for download.
/// Jobs live in memory: a restart forgets them (and removes their files); finished jobs expire after
/// <see cref="ExportOptions.JobRetention"/>.
/// </summary>
public sealed class ExportJobs
{
    private readonly ConcurrentDictionary<string, ExportJob> _jobs = new(StringComparer.Ordinal);
    private readonly ExportOptions _options;
    private readonly IServiceScopeFactory _scopes;
    private readonly IHttpContextAccessor _http;
    private readonly TimeProvider _clock;
    private readonly ILogger<ExportJobs> _logger;
    private readonly ExportRunner _runner;
    private readonly CallerScopes _callerScopes;
    private readonly CancellationToken _stopping;

    public ExportJobs(
        ExportOptions options,
        IServiceScopeFactory scopes,
        IHttpContextAccessor http,
        TimeProvider clock,
        ILogger<ExportJobs> logger,
        IHostApplicationLifetime lifetime,
        ExportRunner runner,
        CallerScopes callerScopes
    )
    {
        (_options, _scopes, _http, _clock, _logger, _stopping) = (options, scopes, http, clock, logger, lifetime.ApplicationStopping);
        (_runner, _callerScopes) = (runner, callerScopes);
        // Each server keeps its files in a folder of its own, so servers sharing the parent never touch each other's.
        Folder = Path.Combine(options.ResolvedJobFolder, Guid.NewGuid().ToString("N"));
        RemoveAbandonedFolders(options.ResolvedJobFolder);
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public ExportJob Start(HttpContext http, ExportSpec spec)
    {
        Expire();
        var owner = AuditLog.SubjectOf(http.User);
        if (_jobs.Values.Count(j => j.Owner == owner && j.State == ExportJobState.Running) >= _options.MaxRunningJobsPerCaller)
            throw new ExportException(
                $"You have {_options.MaxRunningJobsPerCaller} exports running; wait for one to finish or cancel one.",
                "TOO_MANY_JOBS",
                StatusCodes.Status429TooManyRequests
            );
        var job = new ExportJob(Guid.NewGuid().ToString("N"), owner, http.User, spec, _clock.GetUtcNow());
        _jobs[job.Id] = job;
        // The job must not inherit the request's ambient context: it outlives the request, and setting its own
        // HttpContext on a shared holder would clear the request's.
        using (ExecutionContext.SuppressFlow())
            _ = Task.Run(() => RunAsync(job));
        return job;
    }

    /// <summary>The caller's own job; another caller's is as good as missing.</summary>
    public ExportJob? Find(string id, ClaimsPrincipal user)
    {
        Expire();
        return _jobs.TryGetValue(id, out var job) && job.Owner == AuditLog.SubjectOf(user) ? job : null;
    }

    /// <summary>Cancels a running job, or removes a finished one and its file.</summary>
    public void Remove(ExportJob job)
    {
        if (job.State == ExportJobState.Running)
        {
            job.Cancel();
            return;
        }
        _jobs.TryRemove(job.Id, out _);
        Delete(job.FilePath);
    }

    private async Task RunAsync(ExportJob job)
    {
        var partial = Path.Combine(Folder, job.Id + ".partial");
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(job.Cancellation, _stopping);
        await using var scope = _scopes.CreateAsyncScope();
        // The job's own request context: what reads the caller from the context accessor (the database scope) finds it there.
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider, User = job.User };
        _http.HttpContext = http;
        try
        {
            await _callerScopes.ResolveAsync(http, linked.Token);
            var export = await _runner.PrepareAsync(job.User, scope.ServiceProvider, job.Spec, linked.Token);
            job.FileName = export.FileName;
            await using (
                var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous)
            )
            {
                await _runner.WriteAsync(job.User, export, file, job.Progress, linked.Token);
                await file.FlushAsync(linked.Token);
            }
            var final = Path.Combine(Folder, job.Id + Path.GetExtension(export.FileName));
            File.Move(partial, final);
            job.Succeed(final, _clock.GetUtcNow());
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            job.Cancelled(_clock.GetUtcNow());
        }
        catch (ExportQueryException e)
        {
            var error = e.Result.Errors![0];
            job.Fail(error.Code ?? "ERROR", error.Message, _clock.GetUtcNow());
        }
        catch (ExportException e)
        {
            job.Fail(e.Code, e.Message, _clock.GetUtcNow());
        }
        catch (Exception e) when (Data.DatabaseOutage.IsOutage(e))
        {
            _logger.LogWarning("Export job {Job} failed: the database is unavailable ({Reason})", job.Id, e.Message);
            job.Fail(Data.DatabaseOutage.Code, Data.DatabaseOutage.Message, _clock.GetUtcNow());
        }
        catch (Exception e)
        {
            _logger.LogError(e, "Export job {Job} failed", job.Id);
            job.Fail("EXPORT_FAILED", "The export failed; the server log has the details.", _clock.GetUtcNow());
        }
        finally
        {
            Delete(partial);
            _http.HttpContext = null;
        }
    }

    private void Expire()
    {
        var cutoff = _clock.GetUtcNow() - _options.JobRetention;
        foreach (var job in _jobs.Values.Where(j => j.FinishedAt < cutoff).ToList())
        {
            _jobs.TryRemove(job.Id, out _);
            Delete(job.FilePath);
        }
    }

    /// <summary>
    /// Folders of servers that are gone: a partial file nobody has written to for an hour belongs to a job that
    /// died with its server, and a folder untouched for the retention time holds nothing anyone can download.
    /// </summary>
    private void RemoveAbandonedFolders(string parent)
    {
        if (!Directory.Exists(parent))
            return;
        var now = _clock.GetUtcNow().UtcDateTime;
        foreach (var folder in Directory.EnumerateDirectories(parent))
        {
            foreach (var stale in Directory.EnumerateFiles(folder, "*.partial").Where(f => File.GetLastWriteTimeUtc(f) < now.AddHours(-1)))
                Delete(stale);
            if (Directory.GetLastWriteTimeUtc(folder) < now - _options.JobRetention)
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    _logger.LogWarning(e, "Could not remove {Folder}", folder);
                }
        }
    }

    private void Delete(string? path)
    {
        if (path is null)
            return;
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _logger.LogWarning(e, "Could not delete export file {Path}", path);
        }
    }
}
