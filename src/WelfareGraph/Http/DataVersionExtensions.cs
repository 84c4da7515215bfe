using System.Globalization;
using GraphQL;
using WelfareGraph.Data;

namespace WelfareGraph.Http;

/// <summary>
/// How current an answer is, as response extensions: a mutation's <c>dataVersion</c> is the version its writes
/// committed (the current one when it wrote nothing) — sent back as <c>WelfareGraph-Min-Version</c>, it gets the
/// client data at least that fresh; an answer read on the replica carries the replica's <c>dataVersion</c> and
/// <c>dataAsOf</c>, when the last write it had replayed committed.
/// </summary>
internal static class DataVersionExtensions
{
    public static async Task AddAsync(HttpContext http, ExecutionResult result, bool mutation, IServiceProvider services)
    {
        if (mutation)
        {
            var version = DataVersionClock.CommittedBy(http);
            if (version is null)
            {
                await using var db = services.GetRequiredService<IDbContextFactory<WelfareDbContext>>().CreateDbContext();
                version = (await DataVersionClock.ReadAsync(db, http.RequestAborted)).Value;
            }
            (result.Extensions ??= [])["dataVersion"] = version;
        }
        else if (ReadRouting.Of(http) is { FromReplica: true } source)
        {
            var extensions = result.Extensions ??= [];
            extensions["dataVersion"] = source.Version;
            extensions["dataAsOf"] = source.AsOf?.ToString("O", CultureInfo.InvariantCulture);
        }
    }
}
