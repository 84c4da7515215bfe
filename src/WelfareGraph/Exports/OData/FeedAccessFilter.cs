using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using WelfareGraph.Requests;
using WelfareGraph.Security;

namespace WelfareGraph.Exports.OData;

/// <summary>
/// Every request to the feed — data, <c>$metadata</c> and the service document alike — is admitted as an
/// export of contributions (authenticated, delegated permission, a role the access policy opens exports to),
/// runs in the caller's scope, and is recorded in the audit log once its result is written, with the entities the
/// response carried (counted by <see cref="CountingResourceSerializer"/> as it streamed them).
/// </summary>
public sealed class FeedAccessFilter(CallerScopes scopes, AuditLog audit) : IAsyncResourceFilter
{
    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (!await CallerAdmission.AdmitAsync(http, "contributions", scopes))
        {
            context.Result = new EmptyResult();
            return;
        }
        var path = http.Request.Path;
        var entry = audit.Begin(http.User, "export", "odata:" + path, "odata", [path + http.Request.QueryString]);
        var executed = await next();
        // After the result has been written and before the response ends: a client that has its answer finds it audited.
        var failed = executed.Exception is not null && !executed.ExceptionHandled;
        entry.Rows = FeedEntityCount.Of(http).Entities;
        if (failed || http.Response.StatusCode >= 400)
            entry.Failed($"HTTP_{(failed ? 500 : http.Response.StatusCode)}");
        await entry.RecordAsync();
    }
}
