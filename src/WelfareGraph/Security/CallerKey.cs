namespace WelfareGraph.Security;

/// <summary>
/// Who a request counts against, for every per-caller limit (the rate limit and fair sharing alike): the caller's
/// object id when authenticated, else its address. One function, so both limits always agree on who a caller is.
/// </summary>
public static class CallerKey
{
    public static string Of(HttpContext http) =>
        http.User.Identity?.IsAuthenticated == true
            ? "caller:"
                + (http.User.FindFirst("oid")?.Value ?? http.User.FindFirst("sub")?.Value ?? http.User.FindFirst("azp")?.Value ?? "?")
            : "address:" + http.Connection.RemoteIpAddress;
}
