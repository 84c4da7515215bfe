using WelfareGraph.Data;
using WelfareGraph.Security;

namespace WelfareGraph.Ingestion;

/// <summary>The duplicate and scope messages of the reference kinds, which are all keyed by code.</summary>
internal static class ReferenceErrors
{
    public static (string Field, string Message) Duplicate(string code) => ("code", $"code '{code}' appears more than once in this batch.");

    public static (string Field, string Message) OutOfScope(string code, WelfareScope scope) =>
        ("code", $"'{code}' is already stored for a county outside your scope ({scope}).");
}
