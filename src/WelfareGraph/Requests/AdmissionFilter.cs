using WelfareGraph.Security;

namespace WelfareGraph.Requests;

/// <summary>
/// The admission of a route group's endpoints (<see cref="CallerAdmission"/>), as endpoint metadata: it runs before the
/// handler, so no handler starts with a check of its own.
/// </summary>
public static class AdmissionFilter
{
    /// <param name="export">The export the group's endpoints give, checked against the access policy; null when GraphQL fields are.</param>
    public static TBuilder RequireAdmittedCaller<TBuilder>(this TBuilder builder, string? export = null)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory(
            (factory, next) =>
            {
                var scopes = factory.ApplicationServices.GetRequiredService<CallerScopes>();
                return async invocation =>
                    await CallerAdmission.AdmitAsync(invocation.HttpContext, export, scopes) ? await next(invocation) : Results.Empty;
            }
        );
}
