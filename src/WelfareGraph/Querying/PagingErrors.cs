using GraphQL;

namespace WelfareGraph.Querying;

/// <summary>
/// HotChocolate 15's paging error codes (its <c>ErrorCodes.Paging</c>), so clients that switch on
/// <c>extensions.code</c> see the same code for the same condition: a page size above the maximum
/// (<c>HC0051</c>), a negative page size or offset (<c>HC0079</c>) and a cursor that does not decode (<c>HC0078</c>).
/// Used by cursor connections, offset segments and the change feeds alike.
/// </summary>
public static class PagingErrors
{
    public const string MaxPageSize = "HC0051";
    public const string InvalidCursor = "HC0078";
    public const string MinPageSize = "HC0079";

    public static ExecutionError PageSizeTooLarge(string argument, int requested, int maximum)
    {
        var error = new ExecutionError($"`{argument}: {requested}` asks for more items per page than the maximum of {maximum}.")
        {
            Code = MaxPageSize,
        };
        error.AddExtension("requestedItems", requested);
        error.AddExtension("maxAllowedItems", maximum);
        return error;
    }

    public static ExecutionError Negative(string argument, int value)
    {
        var error = new ExecutionError($"`{argument}: {value}` is negative; it must be 0 or more.") { Code = MinPageSize };
        error.AddExtension("argument", argument);
        return error;
    }

    public static ExecutionError Cursor(string argument, string cursor)
    {
        var error = new ExecutionError($"The value given as `{argument}` is not a valid cursor.") { Code = InvalidCursor };
        error.AddExtension("argument", argument);
        error.AddExtension("cursor", cursor);
        return error;
    }
}
