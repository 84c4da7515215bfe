using System.Security.Claims;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using GraphQL.Utilities;
using GraphQLParser.AST;

namespace WelfareGraph.Security;

/// <summary>
/// Enforces <see cref="AccessPolicy"/> on every root field of the schema, generically: when the schema is
/// built, each root field's resolver is wrapped in a check of the caller's roles. A denied field resolves to
/// an <c>AUTH_NOT_AUTHORIZED</c> error and null (its siblings still run), and its own resolver — so its SQL —
/// never runs. Nested fields need no check: they are only reachable through a root field.
/// </summary>
public sealed class RootFieldAuthorization : BaseSchemaNodeVisitor
{
    public const string NotAuthorized = "AUTH_NOT_AUTHORIZED";

    public override void VisitObjectFieldDefinition(FieldType field, IObjectGraphType type, ISchema schema)
    {
        if (RootOf(type, schema) is { } root)
            field.Resolver = new AuthorizingResolver(field.Resolver ?? NameFieldResolver.Instance, root, field.Name);
    }

    /// <summary>Why the caller may not use a root field, or null when it may: one rule, checked as the field resolves or before.</summary>
    public static ExecutionError? Refusal(ClaimsPrincipal? user, OperationType operation, string field)
    {
        if (AccessPolicy.Allows(user, operation, field))
            return null;
        var roles = AccessPolicy.RolesFor(operation, field);
        return new ExecutionError(
            roles.Count == 0 ? $"`{field}` is not open to any role yet." : $"`{field}` needs one of the roles {string.Join(", ", roles)}."
        )
        {
            Code = NotAuthorized,
        };
    }

    /// <summary>
    /// The refusals the resolvers would give a document's root fields, read from the document before it runs, for an
    /// edge that answers before the document executes (an export job is accepted, then runs). Fields the schema does
    /// not serve are left to validation, which names them.
    /// </summary>
    public static IReadOnlyList<ExecutionError> Refusals(ClaimsPrincipal user, RequestDocument document, ISchema schema)
    {
        var operation = document.Operation.Operation;
        var type = operation switch
        {
            OperationType.Query => schema.Query,
            OperationType.Mutation => schema.Mutation,
            _ => schema.Subscription,
        };
        if (type is null)
            return [];
        return
        [
            .. document
                .RootFields.Where(name => type.GetField(name) is not null)
                .Select(name => Refusal(user, operation, name))
                .OfType<ExecutionError>(),
        ];
    }

    private static OperationType? RootOf(IObjectGraphType type, ISchema schema) =>
        type == schema.Query ? OperationType.Query
        : type == schema.Mutation ? OperationType.Mutation
        : type == schema.Subscription ? OperationType.Subscription
        : null;

    private sealed class AuthorizingResolver(IFieldResolver inner, OperationType operation, string field) : IFieldResolver
    {
        public ValueTask<object?> ResolveAsync(IResolveFieldContext context) =>
            Refusal(context.User, operation, field) is { } refusal ? throw refusal : inner.ResolveAsync(context);
    }
}
