using GraphQL.Types;

namespace WelfareGraph.Periods;

public sealed class PeriodInputGraphType : InputObjectGraphType<PeriodInput>
{
    public PeriodInputGraphType()
    {
        Name = "PeriodInput";
        Description = "A Solar Hijri year with a month range or quarter, a Gregorian date range, or a relative period.";
        Field(p => p.Year, nullable: true).Description("Solar Hijri year, e.g. 1404.");
        Field(p => p.FromMonth, nullable: true).Description("First Solar Hijri month (default 1).");
        Field(p => p.ToMonth, nullable: true).Description("Last Solar Hijri month, inclusive (default 12).");
        Field(p => p.Quarter, nullable: true).Description("Solar Hijri quarter: 1 spring, 2 summer, 3 autumn, 4 winter.");
        Field<DateScalar>("from").Description("First Gregorian day, inclusive.");
        Field<DateScalar>("to").Description("Last Gregorian day, inclusive.");
        Field<RelativePeriodGraphType>("relative").Description("A period relative to `asOf`.");
        Field<DateScalar>("asOf").Description("The day relative periods count from (default: today in Asia/Tehran).");
    }
}

public sealed class RelativePeriodGraphType : EnumerationGraphType
{
    public RelativePeriodGraphType()
    {
        Name = "RelativePeriod";
        Description = "A period relative to the as-of date. LAST_n_MONTHS are the n complete months before the as-of month.";
        // Named by hand: CONSTANT_CASE of Last3Months would be LAST3_MONTHS.
        foreach (var value in Enum.GetValues<RelativePeriod>())
            Add(
                System
                    .Text.RegularExpressions.Regex.Replace(value.ToString(), "(?<=[a-z0-9])(?=[A-Z])|(?<=[a-z])(?=[0-9])", "_")
                    .ToUpperInvariant(),
                value
            );
    }
}

public sealed class ReportPeriodGraphType : ObjectGraphType<ResolvedPeriod>
{
    public ReportPeriodGraphType()
    {
        Name = "ReportPeriod";
        Field<NonNullGraphType<DateScalar>>("from").Resolve(ctx => ctx.Source.From);
        Field<NonNullGraphType<DateScalar>>("to").Resolve(ctx => ctx.Source.To);
        Field(p => p.Label).Description("e.g. 1404-01..1404-09");
        Field(p => p.LabelFa).Description("e.g. فروردین تا آذر ۱۴۰۴");
        Field(p => p.LabelEn).Description("e.g. Farvardin–Azar 1404");
    }
}
