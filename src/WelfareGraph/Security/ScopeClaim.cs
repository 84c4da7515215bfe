using System.Security.Claims;
using System.Text.RegularExpressions;

namespace WelfareGraph.Security;

/// <summary>
/// The token's <c>welfare_scope</c> claim: one or more of <c>IR</c> (national), a province code (<c>IR-19</c>)
/// or a county code (<c>IR-19-03</c>). Entra writes a multi-valued claim as a JSON array (one claim per value
/// here) or a single space-separated string; both are read. Anything else is not a scope and is ignored, so
/// a malformed claim narrows what the caller sees, never widens it.
/// </summary>
public static partial class ScopeClaim
{
    public const string Type = "welfare_scope";
    public const string National = "IR";

    public sealed record Codes(
        bool National,
        IReadOnlyList<string> Provinces,
        IReadOnlyList<string> Counties,
        IReadOnlyList<string> Ignored
    )
    {
        /// <summary>The codes as given, normalised and sorted (for logs and the audit log).</summary>
        public IReadOnlyList<string> All => National ? [ScopeClaim.National] : [.. Provinces, .. Counties];
    }

    public static Codes Read(ClaimsPrincipal user) => Parse(user.FindAll(Type).Select(c => c.Value));

    public static Codes Parse(IEnumerable<string> values)
    {
        var provinces = new SortedSet<string>(StringComparer.Ordinal);
        var counties = new SortedSet<string>(StringComparer.Ordinal);
        var ignored = new List<string>();
        var national = false;
        foreach (var value in values.SelectMany(v => v.Split([' ', '\t', '\n', '\r', ','], StringSplitOptions.RemoveEmptyEntries)))
        {
            var code = value.Trim('"', '[', ']').ToUpperInvariant();
            if (code == National)
                national = true;
            else if (ProvinceCode().IsMatch(code))
                provinces.Add(code);
            else if (CountyCode().IsMatch(code))
                counties.Add(code);
            else if (code.Length > 0)
                ignored.Add(value);
        }
        // A county inside a province that is wholly in scope adds nothing.
        counties.RemoveWhere(c => provinces.Contains(c[..5]));
        return national ? new Codes(true, [], [], ignored) : new Codes(false, [.. provinces], [.. counties], ignored);
    }

    [GeneratedRegex(@"^IR-\d{2}$")]
    private static partial Regex ProvinceCode();

    [GeneratedRegex(@"^IR-\d{2}-\d{2}$")]
    private static partial Regex CountyCode();
}
