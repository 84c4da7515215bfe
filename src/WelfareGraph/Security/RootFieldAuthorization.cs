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
        OperationType? operation =
            type == schema.Query ? OperationType.Query
            : type == schema.Mutation ? OperationType.Mutation
            : type == schema.Subscription ? OperationType.Subscription
            : null;
        if (operation is { } root)
            field.Resolver = new AuthorizingResolver(field.Resolver ?? NameFieldResolver.Instance, root, field.Name);
    }

    private sealed class AuthorizingResolver(IFieldResolver inner, OperationType operation, string field) : IFieldResolver
    {
        public ValueTask<object?> ResolveAsync(IResolveFieldContext context)
        {
            if (AccessPolicy.Allows(context.User, operation, field))
                return inner.ResolveAsync(context);
            var roles = AccessPolicy.RolesFor(operation, field);
            throw new ExecutionError(
                roles.Count == 0
                    ? $"`{field}` is not open to any role yet."
                    : $"`{field}` needs one of the roles {string.Join(", ", roles)}."
            )
            {
                Code = NotAuthorized,
            };
        }
    }
}
