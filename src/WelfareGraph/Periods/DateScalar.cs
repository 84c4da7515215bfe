using GraphQL.Types;
using GraphQLParser.AST;

namespace WelfareGraph.Periods;

/// <summary>
/// <c>DateOnly</c> under HotChocolate 15's scalar name <c>LocalDate</c> (13 and 14 called it <c>Date</c>), so
/// operations and generated clients that declare <c>$from: LocalDate</c> validate here unchanged. Output is ISO
/// <c>yyyy-MM-dd</c> (Gregorian), as HotChocolate writes it; input also takes Solar Hijri dates (<c>1404-09-30</c>,
/// Persian digits too), told apart by the year, and refuses impossible days such as Esfand 30 of a common year
/// with a precise message.
/// </summary>
public sealed class DateScalar : DateOnlyGraphType
{
    public DateScalar()
    {
        Name = "LocalDate";
        Description = "A calendar day: ISO yyyy-MM-dd (Gregorian) on output; on input also a Solar Hijri date such as 1404-09-30.";
    }

    public override object? ParseLiteral(GraphQLValue value) =>
        value switch
        {
            GraphQLStringValue text => SolarDateParser.ParseAnyCalendar(text.Value.ToString()),
            GraphQLNullValue => null,
            _ => ThrowLiteralConversionError(value),
        };

    public override object? ParseValue(object? value) =>
        value switch
        {
            null => null,
            string text => SolarDateParser.ParseAnyCalendar(text),
            DateOnly date => date,
            _ => ThrowValueConversionError(value),
        };

    // Validation checks only the shape of a literal; the calendar check runs when the argument is read,
    // where its precise message ("Esfand 1404 has 29 days") reaches the client.
    public override bool CanParseLiteral(GraphQLValue value) => value is GraphQLStringValue or GraphQLNullValue;
}
