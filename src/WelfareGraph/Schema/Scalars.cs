using GraphQL.Types;

namespace WelfareGraph.Schema;

/// <summary>
/// <c>DateOnly</c> under HotChocolate's scalar name <c>Date</c>, so saved operations that declare
/// <c>$from: Date</c> validate here unchanged.
/// </summary>
public sealed class DateScalar : DateOnlyGraphType
{
    public DateScalar() => Name = "Date";
}
