namespace WelfareGraph.Security;

/// <summary>
/// One deadline (<c>GraphQL:ExecutionTimeout</c>) for all the work of a request — waiting for its share of the server,
/// reading and parsing it, validation, execution, database commands — on every edge. It replaces the request's
/// <see cref="HttpContext.RequestAborted"/>, so whatever already stops when the caller goes away (EF commands,
/// SQLite statements through <c>Data/CommandDeadline</c>, streamed writes) stops at the deadline too.
/// </summary>
public sealed class RequestDeadline : IDisposable
{
    private readonly CancellationTokenSource _source;
    private readonly CancellationToken _caller;

    private RequestDeadline(TimeSpan timeout, CancellationToken caller)
    {
        (Timeout, _caller) = (timeout, caller);
        _source = CancellationTokenSource.CreateLinkedTokenSource(caller);
        _source.CancelAfter(timeout);
    }

    public TimeSpan Timeout { get; }
    public CancellationToken Token => _source.Token;

    /// <summary>Cancelled only when the caller goes away: for writing the answer that says the deadline passed.</summary>
    public CancellationToken Caller => _caller;

    /// <summary>The deadline passed (as opposed to the caller going away).</summary>
    public bool Expired => _source.IsCancellationRequested && !_caller.IsCancellationRequested;

    public void Dispose() => _source.Dispose();

    /// <summary>The request's deadline; none for an endpoint that <see cref="StreamsFile"/>.</summary>
    public static RequestDeadline? Of(HttpContext http) => http.Features.Get<RequestDeadline>();

    /// <summary>
    /// The same deadline for work its request does not bound: the query of an export whose file streams for as long
    /// as it takes (<see cref="StreamsFile"/>), or of a background job, which has no request.
    /// </summary>
    public static RequestDeadline Begin(TimeSpan timeout, CancellationToken caller) => new(timeout, caller);

    internal static RequestDeadline Start(HttpContext http, TimeSpan timeout)
    {
        var deadline = new RequestDeadline(timeout, http.RequestAborted);
        http.Features.Set(deadline);
        http.RequestAborted = deadline.Token;
        return deadline;
    }
}

public static class RequestDeadlines
{
    /// <summary>
    /// Every endpoint runs under the deadline but those that stream a file of any size (marked
    /// <see cref="StreamsFile"/>): their query has the same budget (<c>ExportExecution</c>), their download the caller's patience.
    /// </summary>
    public static WebApplication UseRequestDeadlines(this WebApplication app)
    {
        var timeout = app.Services.GetRequiredService<GraphQLLimits>().ExecutionTimeout;
        app.Use(
            async (http, next) =>
            {
                if (http.GetEndpoint()?.Metadata.GetMetadata<StreamsFile>() is not null)
                {
                    await next(http);
                    return;
                }
                var caller = http.RequestAborted;
                using var deadline = RequestDeadline.Start(http, timeout);
                try
                {
                    await next(http);
                }
                catch (Exception) when (deadline.Expired)
                {
                    // The edge did not answer the timeout itself: say so if nothing was sent, else cut the response
                    // off, so that no client takes a truncated body for a complete one.
                    if (http.Response.HasStarted)
                    {
                        http.Abort();
                        return;
                    }
                    await RefusalResponse.WriteAsync(
                        http,
                        StatusCodes.Status503ServiceUnavailable,
                        retryAfter: null,
                        $"The request ran longer than {timeout} (GraphQL:ExecutionTimeout) and was stopped.",
                        "EXECUTION_TIMEOUT",
                        caller
                    );
                }
                finally
                {
                    http.RequestAborted = caller;
                }
            }
        );
        return app;
    }
}

/// <summary>Endpoint metadata: the response is a file streamed for as long as it takes (see <see cref="RequestDeadline"/>).</summary>
public sealed class StreamsFile
{
    public static readonly StreamsFile Instance = new();
}
