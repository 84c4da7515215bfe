using WelfareGraph.Data;

namespace WelfareGraph.Security;

/// <summary>
/// The scope of the caller of the current request. It is resolved once per request, after the request was
/// authenticated and its document validated (so a rejected request runs no SQL), and kept on the
/// HttpContext; every DbContext the request creates takes it from there (<see cref="Data.CallerDbContextFactory{TContext}"/>).
/// Until it is resolved — and for a request without a caller — the scope is <see cref="WelfareScope.Nothing"/>.
/// </summary>
public sealed class CallerScopes(IHttpContextAccessor http, SystemDbContextFactory system, ILogger<CallerScopes> logger) : ICurrentScope
{
    private sealed record Resolved(WelfareScope Scope);

    /// <summary>The current request's resolved scope; <see cref="WelfareScope.Nothing"/> outside a request or before resolution.</summary>
    public WelfareScope Current => http.HttpContext?.Features.Get<Resolved>()?.Scope ?? WelfareScope.Nothing;

    /// <summary>Resolves (once) the scope of the request's authenticated caller from its <c>welfare_scope</c> claim.</summary>
    public async Task<WelfareScope> ResolveAsync(HttpContext context, CancellationToken cancellationToken)
    {
        if (context.Features.Get<Resolved>() is { } resolved)
            return resolved.Scope;
        var scope =
            context.User.Identity?.IsAuthenticated == true
                ? await FromCodesAsync(ScopeClaim.Read(context.User), cancellationToken)
                : WelfareScope.Nothing;
        context.Features.Set(new Resolved(scope));
        return scope;
    }

    /// <summary>Maps codes to the ids of the counties and provinces they name; national needs no lookup.</summary>
    internal async Task<WelfareScope> FromCodesAsync(ScopeClaim.Codes codes, CancellationToken cancellationToken)
    {
        if (codes.Ignored.Count > 0)
            logger.LogWarning("Ignored {Count} welfare_scope values that are not IR, a province or a county code.", codes.Ignored.Count);
        if (codes.National)
            return WelfareScope.National;
        if (codes.Provinces.Count == 0 && codes.Counties.Count == 0)
            return WelfareScope.Regional([], [], [], []);

        // A reference-data lookup for the server itself: the caller's own scope is what is being worked out.
        await using var db = system.CreateForScopeResolution();
        var provinces = codes.Provinces.ToArray();
        var counties = codes.Counties.ToArray();
        var rows = await db
            .Counties.Where(c => provinces.Contains(c.Province.Code) || counties.Contains(c.Code))
            .Select(c => new { c.Id, c.ProvinceId })
            .ToListAsync(cancellationToken);
        var wholeProvinces = await db.Provinces.Where(p => provinces.Contains(p.Code)).Select(p => p.Id).ToListAsync(cancellationToken);
        return WelfareScope.Regional(
            codes.All,
            rows.Select(r => r.Id),
            rows.Select(r => r.ProvinceId).Concat(wholeProvinces),
            wholeProvinces
        );
    }
}
