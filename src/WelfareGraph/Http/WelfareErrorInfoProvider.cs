using GraphQL;
using GraphQL.Execution;
using WelfareGraph.Periods;

namespace WelfareGraph.Http;

/// <summary>
/// GraphQL.NET reports a bad variable as "Unable to convert '1404-12-30' to 'Date'"; the reason (Esfand
/// 1404 has 29 days) is on the inner exception. Bring it into the message and the code, so a client sees
/// what to fix without exception details (which only Development shows).
/// Outside Development an unexpected failure (a database error, a bug) tells the client nothing about its
/// cause — no exception types, SQL or connection strings, only <c>INTERNAL_ERROR</c>; the log has the rest.
/// </summary>
internal sealed class WelfareErrorInfoProvider(ErrorInfoProviderOptions options) : ErrorInfoProvider(options)
{
    private readonly bool _exposeDetails = options.ExposeExceptionDetails;

    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        var info = base.GetInfo(executionError);
        if (!_exposeDetails && executionError is UnhandledError)
            return new ErrorInfo
            {
                Message = executionError.Message,
                Extensions = new Dictionary<string, object?> { ["code"] = "INTERNAL_ERROR" },
            };
        if (FindSolarDateException(executionError) is { } date)
        {
            if (!info.Message.Contains(date.Message, StringComparison.Ordinal))
                info.Message = $"{executionError.Message}: {date.Message}";
            var extensions = info.Extensions ?? new Dictionary<string, object?>();
            extensions["code"] = date.Code;
            info.Extensions = extensions;
        }
        return info;
    }

    private static SolarDateException? FindSolarDateException(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
            if (e is SolarDateException date)
                return date;
        return null;
    }
}
