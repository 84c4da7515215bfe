namespace WelfareGraph.Http;

public static class BananaCakePop
{
    /// <summary>Placeholder until the IDE files are served (see the Banana Cake Pop work item).</summary>
    public static IEndpointRouteBuilder MapBananaCakePop(this IEndpointRouteBuilder endpoints, string path) => endpoints;
}
