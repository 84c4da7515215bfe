using System.Text;

namespace WelfareGraph.Querying;

/// <summary>Offset cursors, base64 of the row's index in the ordered result, as HotChocolate's offset paging writes them.</summary>
public static class Cursor
{
    public static string Encode(int index) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(index.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public static int Decode(string cursor, string argument)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            if (
                int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
            )
                return index;
        }
        catch (FormatException) { }
        throw PagingErrors.Cursor(argument, cursor);
    }
}
