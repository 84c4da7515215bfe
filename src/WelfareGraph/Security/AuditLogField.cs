using GraphQL.MicrosoftDI;
using GraphQL.Types;
using WelfareGraph.Data;
using WelfareGraph.Querying;

namespace WelfareGraph.Security;

public sealed class AuditEntryGraphType : ObjectGraphType<AuditEntry>
{
    public AuditEntryGraphType()
    {
        Name = "AuditEntry";
        Description = "One operation or export someone ran. Identifiers only: never the variables, the values returned or the token.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => ctx.Source.Id);
        Field<NonNullGraphType<DateTimeGraphType>>("at")
            .Description("When it ran (UTC).")
            .Resolve(ctx => DateTime.SpecifyKind(ctx.Source.At, DateTimeKind.Utc));
        Field(a => a.Subject).Description("The caller's object id in Entra ID (a user or a service principal).");
        Field(a => a.Client, nullable: true).Description("The client application the token was issued to.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("roles")
            .Resolve(ctx => ctx.Source.Roles.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Field(a => a.Scope).Description("The scope it ran with: IR, province and county codes, or (none).");
        Field(a => a.Kind).Description("query, mutation or export.");
        Field(a => a.Operation, nullable: true).Description("The operation's name.");
        Field(a => a.Document).Description("The trusted document's id, or sha256:<hex> of the document sent.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("fields")
            .Description("The root fields or the export it asked for.")
            .Resolve(ctx => ctx.Source.Fields.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Field(a => a.Rows).Description("List items in the result: an approximation of the rows returned.");
        Field(a => a.Outcome).Description("ok, errors with their codes, or timeout.");
        Field(a => a.DurationMs);
        Field(a => a.Source, nullable: true)
            .Description(
                "What the totals were summed from: county-rollup, rollup or facts, joined by + when several were read; "
                    + "null when no totals were read."
            );
    }
}

public static class AuditLogField
{
    /// <summary><c>auditLog</c>: newest first, for Auditor and Admin (AccessPolicy) with national scope (ScopeFilters).</summary>
    public static void AddAuditLogField(this ObjectGraphType query) =>
        query
            .ConnectionField<AuditEntry, AuditEntryGraphType>("auditLog")
            .Description("Who ran which operation or export, when, with which scope, and how many rows it returned; newest first.")
            .PagingArguments()
            .Resolve()
            .WithService<ListReading>()
            .ResolveAsync(async (ctx, reading) => await ctx.ToConnectionAsync(reading, db => db.AuditLog.OrderByDescending(a => a.Id)));
}
