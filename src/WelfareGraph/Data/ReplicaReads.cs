namespace WelfareGraph.Data;

public static class ReplicaReads
{
    /// <summary>
    /// Sends the requests whose path <paramref name="readOnly"/> accepts to the replica when it is fit to answer
    /// (<see cref="ReadRouting"/>): edges that only read (file exports, the Power BI model, the OData feed).
    /// </summary>
    public static IApplicationBuilder UseReplicaReads(this IApplicationBuilder app, Func<PathString, bool> readOnly)
    {
        var routing = app.ApplicationServices.GetRequiredService<ReadRouting>(); // one per server: its lag monitor is shared
        return app.Use(
            async (http, next) =>
            {
                if (routing.HasReplica && readOnly(http.Request.Path))
                    await routing.ChooseAsync(http, http.RequestAborted);
                await next(http);
            }
        );
    }
}
