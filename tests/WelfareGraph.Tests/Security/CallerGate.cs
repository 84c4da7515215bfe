using System.Data.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace WelfareGraph.Tests.Security;

/// <summary>
/// Test-only: holds every database command run for a held caller (its <c>oid</c>, read from the request the
/// command runs in) until the test releases that caller, so a test knows exactly how many of the caller's
/// operations are in flight. Needs <c>AddHttpContextAccessor</c> in the server (the accessor's context is ambient).
/// </summary>
public sealed class CallerGate : DbCommandInterceptor
{
    private readonly Dictionary<string, Held> _held = [];
    private readonly HttpContextAccessor _requests = new();

    /// <summary>From now on, the caller's commands wait until <see cref="Held.Release"/>.</summary>
    public Held Hold(string caller)
    {
        var held = new Held();
        lock (_held)
            _held[caller] = held;
        return held;
    }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<DbDataReader> result,
        CancellationToken cancellationToken = default
    )
    {
        if (HeldFor(_requests.HttpContext) is { } held)
            await held.WaitAsync(cancellationToken);
        return result;
    }

    public override async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<object> result,
        CancellationToken cancellationToken = default
    )
    {
        if (HeldFor(_requests.HttpContext) is { } held)
            await held.WaitAsync(cancellationToken);
        return result;
    }

    private Held? HeldFor(HttpContext? request)
    {
        if (request?.User.FindFirst("oid")?.Value is not { } caller)
            return null;
        lock (_held)
            return _held.TryGetValue(caller, out var held) && !held.IsReleased ? held : null;
    }

    /// <summary>One held caller: how many of its commands wait, and their release.</summary>
    public sealed class Held
    {
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly List<(int Count, TaskCompletionSource Reached)> _waiters = [];
        private int _waiting;

        public bool IsReleased => _released.Task.IsCompleted;

        /// <summary>Completes once this many of the caller's commands are waiting (each request here runs one).</summary>
        public Task WaitingAsync(int count)
        {
            lock (_waiters)
            {
                if (_waiting >= count)
                    return Task.CompletedTask;
                var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiters.Add((count, reached));
                return reached.Task;
            }
        }

        public void Release() => _released.TrySetResult();

        internal Task WaitAsync(CancellationToken cancellationToken)
        {
            lock (_waiters)
            {
                _waiting++;
                foreach (var waiter in _waiters.Where(w => w.Count <= _waiting).ToList())
                {
                    waiter.Reached.TrySetResult();
                    _waiters.Remove(waiter);
                }
            }
            return _released.Task.WaitAsync(cancellationToken);
        }
    }
}
