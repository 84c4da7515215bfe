using GraphQL;
using WelfareGraph.Data;
using WelfareGraph.Requests;
using WelfareGraph.Schema;
using WelfareGraph.Security;

namespace WelfareGraph.Http;

/// <summary>What the GraphQL over HTTP handlers need, injected as one parameter (<c>[AsParameters]</c>).</summary>
/// <param name="ResolverServices">The request's service scope, in which the document's resolvers run.</param>
public sealed record GraphQLServices(
    GraphQLRunner Runner,
    IGraphQLTextSerializer Serializer,
    GraphQLLimits Limits,
    TrustedDocuments Trusted,
    AuditLog Audit,
    IHostEnvironment Environment,
    WelfareSchema Schema,
    ReadRouting Routing,
    AnswerCache Cache,
    IServiceProvider ResolverServices
);
