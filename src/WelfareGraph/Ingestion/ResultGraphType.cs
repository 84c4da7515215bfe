using System.Reflection;
using GraphQL.Types;

namespace WelfareGraph.Ingestion;

/// <summary>
/// The GraphQL type of a result record (what a write reports): one field per public property, named, typed and described
/// by the record itself, so the record is the one place its fields are written. Methods are not fields.
/// </summary>
public sealed class ResultGraphType<TResult> : AutoRegisteringObjectGraphType<TResult>
{
    protected override IEnumerable<MemberInfo> GetRegisteredMembers() =>
        typeof(TResult).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetMethod?.IsPublic == true);
}
