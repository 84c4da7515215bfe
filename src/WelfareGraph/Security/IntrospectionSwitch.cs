using GraphQL;
using GraphQL.DI;
using GraphQL.Validation;
using GraphQL.Validation.Rules.Custom;

namespace WelfareGraph.Security;

/// <summary>
/// <c>GraphQL:Introspection</c> = <c>Disabled</c>: every document is validated with the rule that refuses
/// introspection fields. Read from the validated limits when executing, not while the schema is composed.
/// </summary>
public sealed class IntrospectionSwitch(GraphQLLimits limits, IHostEnvironment environment) : IConfigureExecution
{
    // With GraphQL.NET's own option setters: after the document limits' refusal, before execution.
    public float SortOrder => 100;

    public Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (limits.IntrospectionFor(environment) == IntrospectionAccess.Disabled)
            options.ValidationRules = (options.ValidationRules ?? DocumentValidator.CoreRules).Append(
                NoIntrospectionValidationRule.Instance
            );
        return next(options);
    }
}
