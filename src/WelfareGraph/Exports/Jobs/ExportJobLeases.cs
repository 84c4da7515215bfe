using WelfareGraph.Security;

namespace WelfareGraph.Exports.Jobs;

/// <summary>
/// The heartbeat of this server's export jobs (<see cref="ExportOptions.JobHeartbeat"/>): renews its leases, takes
/// over jobs whose server stopped, expires old ones. On shutdown it hands its running jobs back.
/// </summary>
public sealed class ExportJobLeases(ExportJobs jobs, ExportOptions options, TimeProvider clock, ILogger<ExportJobLeases> logger)
    : BackgroundService
{
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.JobHeartbeat >= options.JobLease)
            throw new StartupRefusedException(
                $"Exports:JobHeartbeat ({options.JobHeartbeat}) must be shorter than Exports:JobLease ({options.JobLease}): "
                    + "a lease must outlast the beats that renew it."
            );
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.JobHeartbeat, clock);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await jobs.BeatAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A database that is away for a moment: the next beat tries again, well within the lease.
                logger.LogWarning(e, "The export jobs' heartbeat failed; it tries again in {Interval}.", options.JobHeartbeat);
            }
            try
            {
                await timer.WaitForNextTickAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await jobs.StopAsync(cancellationToken);
    }
}
