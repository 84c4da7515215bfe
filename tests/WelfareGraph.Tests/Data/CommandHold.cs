using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace WelfareGraph.Tests.Data;

/// <summary>
/// Test-only: holds one command of one caller in flight — its connection open, its transaction (if any) begun —
/// until the test releases it, so a test can stop the database under a request deterministically. A hold names the
/// caller (the token's subject: requests and the export jobs that run as them alike), which command of that caller
/// (the n-th, optionally among those whose SQL contains a fragment), and tells when that command has arrived.
/// </summary>
public sealed class CommandHold : DbCommandInterceptor
{
    private readonly ConcurrentDictionary<string, Hold> _holds = new(StringComparer.Ordinal);
    private readonly HttpContextAccessor _requests = new(); // the ambient request (or job) context, as the server's own accessor sees it

    public sealed class Hold(int ordinal, string? fragment)
    {
        private int _seen;

        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Released { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        internal bool Takes(string sql) =>
            (fragment is null || sql.Contains(fragment, StringComparison.Ordinal)) && Interlocked.Increment(ref _seen) == ordinal;
    }

    /// <summary>
    /// Holds the <paramref name="ordinal"/>-th command of <paramref name="subject"/> (counting those containing
    /// <paramref name="fragment"/>).
    /// </summary>
    public Hold Add(string subject, int ordinal = 1, string? fragment = null) => _holds[subject] = new Hold(ordinal, fragment);

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<DbDataReader> result,
        CancellationToken cancellationToken = default
    )
    {
        await WaitAsync(command);
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<int> result,
        CancellationToken cancellationToken = default
    )
    {
        await WaitAsync(command);
        return result;
    }

    public override async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<object> result,
        CancellationToken cancellationToken = default
    )
    {
        await WaitAsync(command);
        return result;
    }

    private async Task WaitAsync(DbCommand command)
    {
        var subject = _requests.HttpContext?.User.FindFirst("oid")?.Value;
        if (subject is null || !_holds.TryGetValue(subject, out var hold) || !hold.Takes(command.CommandText))
            return;
        hold.Reached.TrySetResult();
        await hold.Released.Task;
    }
}
