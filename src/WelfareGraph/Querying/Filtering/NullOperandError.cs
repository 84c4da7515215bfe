using GraphQL;
using GraphQL.Types;

namespace WelfareGraph.Querying.Filtering;

/// <summary>
/// HotChocolate 15 refuses a <c>null</c> where its filter needs a value (<c>contains: null</c>, <c>gt: null</c>,
/// <c>in: null</c>, <c>county: null</c>, <c>some: null</c>; only <c>eq</c>/<c>neq</c> take null) with error
/// <c>HC0026</c>, naming the filter field and its input type, and the type it expected in the extensions. The same
/// shape here lets clients that switch on <c>extensions.code</c> keep working; a dropped condition would instead
/// return unfiltered rows for a null variable.
/// </summary>
internal static class NullOperandError
{
    public const string Code = "HC0026";

    /// <param name="filter">The field of <paramref name="inputType"/> given null.</param>
    /// <param name="inputType">The CLR type of the filter input declaring it.</param>
    public static ExecutionError Create(string filter, Type inputType)
    {
        var input = (IInputObjectGraphType)Activator.CreateInstance(inputType)!;
        var fieldType = input.GetField(filter)?.Type ?? throw new InvalidOperationException($"{input.Name} has no field `{filter}`.");
        var error = new ExecutionError(
            $"The provided value for filter `{filter}` of type {input.Name} is invalid. Null values are not supported."
        )
        {
            Code = Code,
        };
        error.AddExtension("expectedType", Print(fieldType) + "!");
        error.AddExtension("filterType", input.Name);
        return error;
    }

    /// <summary>
    /// A GraphQL type reference as SDL writes it, from its CLR graph type (<c>ListGraphType&lt;StringGraphType&gt;</c> → <c>[String]</c>).
    /// </summary>
    private static string Print(Type type)
    {
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(NonNullGraphType<>))
            return Print(type.GetGenericArguments()[0]) + "!";
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ListGraphType<>))
            return "[" + Print(type.GetGenericArguments()[0]) + "]";
        return ((IGraphType)Activator.CreateInstance(type)!).Name;
    }
}
