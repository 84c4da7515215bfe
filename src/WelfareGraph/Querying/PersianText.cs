using System.Linq.Expressions;
using System.Text;

namespace WelfareGraph.Querying;

/// <summary>
/// Persian text arrives typed on Arabic keyboards (ي U+064A, ك U+0643), with Persian or Arabic-Indic
/// digits, and with or without zero-width non-joiners. Comparisons fold all of these to one form.
/// </summary>
public static class PersianText
{
    public const char ArabicYeh = 'ي',
        PersianYeh = 'ی',
        ArabicKaf = 'ك',
        PersianKaf = 'ک',
        ZeroWidthNonJoiner = '\u200c';

    /// <summary>The folded form of a user's input: Persian letters, ASCII digits, ZWNJ as a space.</summary>
    public static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(
                c switch
                {
                    ArabicYeh => PersianYeh,
                    ArabicKaf => PersianKaf,
                    ZeroWidthNonJoiner => ' ',
                    >= '۰' and <= '۹' => (char)('0' + (c - '۰')),
                    >= '٠' and <= '٩' => (char)('0' + (c - '٠')),
                    _ => c,
                }
            );
        }
        return builder.ToString();
    }

    /// <summary>Whether folding could matter: ASCII text (codes, licence numbers) is compared as it is, so indexes stay usable.</summary>
    public static bool NeedsFolding(string text) => text.Any(c => c > 127);

    /// <summary>
    /// The same folding of a column, as nested REPLACE calls EF translates on every provider. Digits in stored text are ASCII already.
    /// </summary>
    public static Expression FoldColumn(Expression column)
    {
        var replace = typeof(string).GetMethod(nameof(string.Replace), [typeof(string), typeof(string)])!;
        Expression Replace(Expression e, char from, char to) =>
            Expression.Call(e, replace, Expression.Constant(from.ToString()), Expression.Constant(to.ToString()));
        return Replace(Replace(Replace(column, ArabicYeh, PersianYeh), ArabicKaf, PersianKaf), ZeroWidthNonJoiner, ' ');
    }
}
