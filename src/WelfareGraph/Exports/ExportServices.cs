using GraphQL;
using WelfareGraph.Security;

namespace WelfareGraph.Exports;

/// <summary>What the file export handlers need, injected as one parameter (<c>[AsParameters]</c>).</summary>
/// <param name="ResolverServices">The request's service scope, in which the export's query is resolved.</param>
public sealed record ExportServices(
    ExportRunner Runner,
    TrustedDocuments Trusted,
    IGraphQLTextSerializer Serializer,
    GraphQLLimits Limits,
    ILogger<ExportRunner.Log> Log,
    IServiceProvider ResolverServices
);
