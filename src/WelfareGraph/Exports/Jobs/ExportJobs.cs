using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text.Json;
using WelfareGraph.Data;
using WelfareGraph.Security;

namespace WelfareGraph.Exports.Jobs;

/// <summary>
/// Background exports, shared by every server over one database and one job store. A job runs the same export
/// as <c>POST /exports</c>, as the caller it was admitted with (<see cref="ExportJobCaller"/>): it gets a request
/// context of its own holding that caller, so the scope, the roles and the audit log apply exactly as to a
/// request. Its state is a row of <c>export_jobs</c>, so any server answers its status, its download and its
/// cancellation, and a restart forgets nothing. The server running a job renews its lease
/// (<see cref="ExportOptions.JobHeartbeat"/>); a job whose lease has passed is taken over by another server,
/// or marked failed once it has been started <see cref="ExportOptions.JobAttempts"/> times, so none is left
/// running for ever. Files become visible in the store only when whole (<see cref="IExportJobStore"/>);
/// finished jobs and their files expire after <see cref="ExportOptions.JobRetention"/>.
/// </summary>
public sealed class ExportJobs(
    ExportOptions options,
    IExportJobStore store,
    BookkeepingDbContextFactory database,
    IServiceScopeFactory scopes,
    IHttpContextAccessor http,
    TimeProvider clock,
    ILogger<ExportJobs> logger,
    ExportRunner runner,
    CallerScopes callerScopes
)
{
    public const string ServerLostCode = "EXPORT_SERVER_LOST";

    private readonly ConcurrentDictionary<string, (ExportJob Job, Task Run)> _running = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>Ends of jobs the database was away for: written at the next beat that reaches it.</summary>
    private readonly ConcurrentDictionary<string, Func<Task<bool>>> _unrecorded = new(StringComparer.Ordinal);

    /// <summary>This server process, as the holder of the jobs it runs.</summary>
    public string ServerId { get; } =
        $"{Environment.MachineName[..Math.Min(20, Environment.MachineName.Length)]}-{Environment.ProcessId}-{Guid.NewGuid():N}";

    public IExportJobStore Store => store;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Admits a job (within its caller's running-jobs limit, counted across servers) and starts it here.</summary>
    public async Task<ExportJobRecord> StartAsync(
        ClaimsPrincipal user,
        ExportRequest request,
        ExportSpec spec,
        CancellationToken cancellationToken
    )
    {
        var job = new ExportJobRecord
        {
            Id = Guid.NewGuid().ToString("N"),
            Owner = "",
            Roles = "",
            Permissions = "",
            Scope = "",
            Request = JsonSerializer.Serialize(request, ExportJson.Options),
            Format = Formats.ExportFormats.Extension(spec.Format),
            Mode = spec.Mode.ToString().ToLowerInvariant(),
            State = Name(ExportJobState.Running),
            StartedAt = Now,
            Holder = ServerId,
            LeaseExpiresAt = Now + options.JobLease,
            Attempts = 1,
        };
        ExportJobCaller.Store(user, job);
        await AdmitAsync(job, cancellationToken);
        Launch(job);
        return job;
    }

    /// <summary>
    /// Takes the lowest free place of the owner's running jobs. The unique index on owner and place refuses a
    /// second server that chose the same place at the same moment; that server looks again.
    /// </summary>
    private async Task AdmitAsync(ExportJobRecord job, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < options.MaxRunningJobsPerCaller + 2; attempt++)
        {
            await using var db = database.CreateDbContext();
            var taken = await db
                .ExportJobs.Where(j => j.Owner == job.Owner && j.RunningSlot != null)
                .Select(j => j.RunningSlot!.Value)
                .ToListAsync(cancellationToken);
            var free = Enumerable.Range(0, options.MaxRunningJobsPerCaller).Except(taken).Cast<int?>().FirstOrDefault();
            if (free is null)
                break;
            job.RunningSlot = free;
            db.ExportJobs.Add(job);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException e) when (!DatabaseOutage.IsOutage(e))
            {
                // Another server took that place first: look again.
            }
        }
        throw new ExportException(
            $"You have {options.MaxRunningJobsPerCaller} exports running; wait for one to finish or cancel one.",
            "TOO_MANY_JOBS",
            StatusCodes.Status429TooManyRequests
        );
    }

    /// <summary>The caller's own job; another caller's is as good as missing.</summary>
    public async Task<ExportJobRecord?> FindAsync(string id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var owner = AuditLog.SubjectOf(user);
        await using var db = database.CreateDbContext();
        return await db.ExportJobs.SingleOrDefaultAsync(j => j.Id == id && j.Owner == owner, cancellationToken);
    }

    /// <summary>The rows written so far: this server's own count for a job it runs, else the last heartbeat's.</summary>
    public long RowsWritten(ExportJobRecord job) =>
        job.State == Name(ExportJobState.Running) && _running.TryGetValue(job.Id, out var local)
            ? local.Job.Progress.Rows
            : job.RowsWritten;

    /// <summary>
    /// Cancels a running job (the server running it stops it at once if that is this one, else at its next
    /// heartbeat), or removes a finished one and its file.
    /// </summary>
    public async Task RemoveAsync(ExportJobRecord job, CancellationToken cancellationToken)
    {
        await using var db = database.CreateDbContext();
        var running = Name(ExportJobState.Running);
        if (job.State == running)
        {
            await db
                .ExportJobs.Where(j => j.Id == job.Id && j.State == running)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.CancelRequested, true), cancellationToken);
            if (_running.TryGetValue(job.Id, out var local))
                local.Job.Cancel();
            return;
        }
        await db.ExportJobs.Where(j => j.Id == job.Id).ExecuteDeleteAsync(cancellationToken);
        await DeleteFileAsync(job.StoredName);
    }

    /// <summary>
    /// One beat of this server: renew its leases, stop jobs cancelled elsewhere, take over abandoned jobs, expire old ones.
    /// </summary>
    public async Task BeatAsync(CancellationToken cancellationToken)
    {
        foreach (var (id, record) in _unrecorded)
        {
            await record();
            _unrecorded.TryRemove(id, out _);
        }
        await RenewAsync(cancellationToken);
        await TakeOverAsync(cancellationToken);
        await ExpireAsync(cancellationToken);
    }

    private async Task RenewAsync(CancellationToken cancellationToken)
    {
        if (_running.IsEmpty)
            return;
        await using var db = database.CreateDbContext();
        var running = Name(ExportJobState.Running);
        foreach (var (id, (job, _)) in _running)
        {
            var rows = job.Progress.Rows;
            var lease = Now + options.JobLease;
            var renewed = await db
                .ExportJobs.Where(j => j.Id == id && j.Holder == ServerId && j.State == running)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(j => j.LeaseExpiresAt, lease).SetProperty(j => j.RowsWritten, rows),
                    cancellationToken
                );
            if (renewed == 0)
            {
                logger.LogWarning("Export job {Job} is no longer this server's (its lease passed); this run stops.", id);
                job.Cancel(lost: true);
            }
        }
        var ids = _running.Keys.ToList();
        var cancelled = await db
            .ExportJobs.Where(j => ids.Contains(j.Id) && j.Holder == ServerId && j.CancelRequested)
            .Select(j => j.Id)
            .ToListAsync(cancellationToken);
        foreach (var id in cancelled)
            if (_running.TryGetValue(id, out var local))
                local.Job.Cancel();
    }

    /// <summary>
    /// Running jobs whose lease has passed: one server claims each (the update's condition decides which), then runs, cancels or fails it.
    /// </summary>
    private async Task TakeOverAsync(CancellationToken cancellationToken)
    {
        await using var db = database.CreateDbContext();
        var running = Name(ExportJobState.Running);
        var now = Now;
        var abandoned = await db
            .ExportJobs.Where(j => j.State == running && j.LeaseExpiresAt < now)
            .OrderBy(j => j.LeaseExpiresAt)
            .Select(j => j.Id)
            .Take(16)
            .ToListAsync(cancellationToken);
        foreach (var id in abandoned)
        {
            var lease = Now + options.JobLease;
            var claimed = await db
                .ExportJobs.Where(j => j.Id == id && j.State == running && j.LeaseExpiresAt < now)
                .ExecuteUpdateAsync(
                    s =>
                        s.SetProperty(j => j.Holder, ServerId)
                            .SetProperty(j => j.LeaseExpiresAt, lease)
                            .SetProperty(j => j.Attempts, j => j.Attempts + 1),
                    cancellationToken
                );
            if (claimed == 0)
                continue;
            var job = await db.ExportJobs.SingleAsync(j => j.Id == id, cancellationToken);
            await store.DiscardPartialAsync(id, cancellationToken);
            if (job.CancelRequested)
                await FinishAsync(job.Id, JobEnd.Cancelled(job.RowsWritten));
            else if (job.Attempts > options.JobAttempts)
            {
                logger.LogWarning(
                    "Export job {Job} was started {Attempts} times and its server stopped each time: marked failed.",
                    id,
                    job.Attempts - 1
                );
                await FinishAsync(
                    job.Id,
                    JobEnd.Failed(
                        job.RowsWritten,
                        ServerLostCode,
                        $"The servers running this export stopped {job.Attempts - 1} times before it was complete; start it again."
                    )
                );
            }
            else
            {
                logger.LogInformation(
                    "Export job {Job} taken over from a server whose lease passed (attempt {Attempt}).",
                    id,
                    job.Attempts
                );
                Launch(job);
            }
        }
    }

    private async Task ExpireAsync(CancellationToken cancellationToken)
    {
        var cutoff = Now - options.JobRetention;
        await using var db = database.CreateDbContext();
        var expired = await db
            .ExportJobs.Where(j => j.FinishedAt < cutoff)
            .Select(j => new { j.Id, j.StoredName })
            .Take(100)
            .ToListAsync(cancellationToken);
        foreach (var job in expired)
        {
            await db.ExportJobs.Where(j => j.Id == job.Id).ExecuteDeleteAsync(cancellationToken);
            await DeleteFileAsync(job.StoredName);
        }
    }

    /// <summary>
    /// Stops every job this server runs and hands it back (its lease ends now), for another server or this one's next start.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await Task.WhenAll(_running.Values.Select(r => r.Run))
            .WaitAsync(cancellationToken)
            .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private void Launch(ExportJobRecord record)
    {
        var job = new ExportJob(record.Id);
        // The job must not inherit the request's ambient context: it outlives the request, and setting its own
        // HttpContext on a shared holder would clear the request's.
        using (ExecutionContext.SuppressFlow())
        {
            var run = new TaskCompletionSource();
            _running[record.Id] = (job, run.Task);
            _ = Task.Run(async () =>
            {
                try
                {
                    await RunAsync(record, job);
                }
                finally
                {
                    _running.TryRemove(record.Id, out _);
                    job.Finished();
                    run.TrySetResult();
                }
            });
        }
    }

    private async Task RunAsync(ExportJobRecord record, ExportJob job)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(job.Cancellation, _stopping.Token);
        var user = ExportJobCaller.Principal(record);
        await using var scope = scopes.CreateAsyncScope();
        // The job's own request context: what reads the caller from the context accessor (the database scope) finds it
        // there. Its services are handed to the runner, not looked up on the context.
        var context = new DefaultHttpContext { User = user };
        http.HttpContext = context;
        try
        {
            var request = JsonSerializer.Deserialize<ExportRequest>(record.Request, ExportJson.Options)!;
            var spec = runner.Resolve(user, request);
            await callerScopes.ResolveAsync(context, linked.Token);
            var export = await runner.PrepareAsync(user, scope.ServiceProvider, spec, linked.Token);
            var stored = record.Id + Path.GetExtension(export.FileName);
            await using (var upload = await store.BeginAsync(record.Id, linked.Token))
            {
                await runner.WriteAsync(user, export, upload.Content, job.Progress, linked.Token);
                await upload.CompleteAsync(stored, linked.Token);
            }
            if (!await FinishAsync(record.Id, JobEnd.Succeeded(job.Progress.Rows, export.FileName, stored)))
                logger.LogWarning("Export job {Job} completed here after another server had taken it over; its result stands.", record.Id);
        }
        catch (OperationCanceledException) when (job.Lost)
        {
            // Another server runs it now; this one leaves the row alone.
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested && !job.Cancellation.IsCancellationRequested)
        {
            await ReleaseAsync(record.Id, job.Progress.Rows);
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            await FinishAsync(record.Id, JobEnd.Cancelled(job.Progress.Rows));
        }
        catch (ExportQueryException e)
        {
            var error = e.Result.Errors![0];
            await FinishAsync(record.Id, JobEnd.Failed(job.Progress.Rows, error.Code ?? "ERROR", error.Message));
        }
        catch (ExportException e)
        {
            await FinishAsync(record.Id, JobEnd.Failed(job.Progress.Rows, e.Code, e.Message));
        }
        catch (Exception e) when (DatabaseOutage.IsOutage(e))
        {
            logger.LogWarning("Export job {Job} failed: the database is unavailable ({Reason})", record.Id, e.Message);
            await FinishAsync(record.Id, JobEnd.Failed(job.Progress.Rows, DatabaseOutage.Code, DatabaseOutage.Message));
        }
        catch (Exception e)
        {
            logger.LogError(e, "Export job {Job} failed", record.Id);
            await FinishAsync(
                record.Id,
                JobEnd.Failed(job.Progress.Rows, "EXPORT_FAILED", "The export failed; the server log has the details.")
            );
        }
        finally
        {
            http.HttpContext = null;
        }
    }

    /// <summary>Records how a job ended, if this server still holds it; false when another server took it over meanwhile.</summary>
    private async Task<bool> FinishAsync(string id, JobEnd end)
    {
        try
        {
            return await RecordEndAsync(id, end, Now);
        }
        catch (Exception e) when (DatabaseOutage.IsOutage(e))
        {
            // Kept for the next beat: the end is recorded once the database is back (before the lease can pass there).
            logger.LogWarning(
                "Export job {Job} ended ({State}) while the database is unavailable; it is recorded once it is back.",
                id,
                end.State
            );
            var now = Now;
            _unrecorded[id] = () => RecordEndAsync(id, end, now);
            return false;
        }
    }

    private async Task<bool> RecordEndAsync(string id, JobEnd end, DateTime now)
    {
        var running = Name(ExportJobState.Running);
        var name = Name(end.State);
        // Not the stopping token: the end of a job is written even while the server shuts down.
        await using var db = database.CreateDbContext();
        return await db
                .ExportJobs.Where(j => j.Id == id && j.Holder == ServerId && j.State == running)
                .ExecuteUpdateAsync(s =>
                    s.SetProperty(j => j.State, name)
                        .SetProperty(j => j.FinishedAt, now)
                        .SetProperty(j => j.RowsWritten, end.Rows)
                        .SetProperty(j => j.FileName, end.FileName)
                        .SetProperty(j => j.StoredName, end.Stored)
                        .SetProperty(j => j.ErrorCode, end.Code)
                        .SetProperty(j => j.Error, end.Message)
                        .SetProperty(j => j.RunningSlot, (int?)null)
                        .SetProperty(j => j.Holder, (string?)null)
                        .SetProperty(j => j.LeaseExpiresAt, (DateTime?)null)
                ) == 1;
    }

    /// <summary>A job stopped by this server's shutdown: its lease ends now, and the start it used is not counted against it.</summary>
    private async Task ReleaseAsync(string id, long rows)
    {
        var (running, now) = (Name(ExportJobState.Running), Now);
        try
        {
            await using var db = database.CreateDbContext();
            await db
                .ExportJobs.Where(j => j.Id == id && j.Holder == ServerId && j.State == running)
                .ExecuteUpdateAsync(s =>
                    s.SetProperty(j => j.Holder, (string?)null)
                        .SetProperty(j => j.LeaseExpiresAt, now)
                        .SetProperty(j => j.RowsWritten, rows)
                        .SetProperty(j => j.Attempts, j => j.Attempts - 1)
                );
        }
        catch (Exception e) when (DatabaseOutage.IsOutage(e))
        {
            logger.LogWarning("Export job {Job} could not be handed back; its lease will pass.", id);
        }
    }

    private async Task DeleteFileAsync(string? stored)
    {
        if (stored is null)
            return;
        try
        {
            await store.DeleteAsync(stored, CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not delete export file {File}", stored);
        }
    }

    public static string Name(ExportJobState state) => state.ToString().ToLowerInvariant();
}
