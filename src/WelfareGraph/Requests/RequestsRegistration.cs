namespace WelfareGraph.Requests;

/// <summary>What every edge shares joins the composition here.</summary>
public static class RequestsRegistration
{
    public static IServiceCollection AddWelfareRequests(this IServiceCollection services) => services.AddSingleton<GraphQLRunner>();
}
