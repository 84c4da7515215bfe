using CsCheck;
using static WelfareGraph.Tests.Http.Generated.GraphQLValue;

namespace WelfareGraph.Tests.Http.Generated;

/// <summary>
/// Queries the server must answer with data and no errors: the schema's real root fields with real arguments
/// (pages within the limit, periods that exist, codes the demo data holds), one to three of them per operation.
/// </summary>
public static class ValidOperations
{
    /// <summary>Largest page the server serves (GraphQL:MaxPageSize).</summary>
    public const int MaxPage = 50;

    private static Gen<Argument?> Optional(string name, string type, Gen<GraphQLValue> value) =>
        Gen.Frequency((1, Gen.Const((Argument?)null)), (1, Required(name, type, value).Select(a => (Argument?)a)));

    private static Gen<Argument> Required(string name, string type, Gen<GraphQLValue> value) =>
        from v in value
        from asVariable in Gen.Bool
        select new Argument(name, type, v, asVariable);

    private static Gen<T[]> All<T>(params Gen<T>[] gens) =>
        gens.Aggregate(Gen.Const(Array.Empty<T>()), (all, gen) => from items in all from item in gen select (T[])[.. items, item]);

    private static Gen<RootField> Field(string name, Gen<string> selection, params Gen<Argument?>[] arguments) =>
        from args in All(arguments)
        from set in selection
        select new RootField(name, [.. args.OfType<Argument>()], set);

    private static Gen<GraphQLValue> Number(int min, int max) => Gen.Int[min, max].Select(n => Of(n));

    public static readonly Gen<GraphQLValue> Period = Gen.OneOf(
        DemoValues.Year.Select(y => Object(("year", Of(y)))),
        from year in DemoValues.Year
        from a in DemoValues.Month
        from b in DemoValues.Month
        select Object(("year", Of(year)), ("fromMonth", Of(Math.Min(a, b))), ("toMonth", Of(Math.Max(a, b)))),
        from year in DemoValues.Year
        from quarter in DemoValues.Quarter
        select Object(("year", Of(year)), ("quarter", Of(quarter))),
        from range in DemoValues.SolarRange
        from persian in Gen.Bool
        select Object(("from", Of(persian ? DemoValues.PersianDigits(range.From) : range.From)), ("to", Of(range.To))),
        // Relative periods count back from a fixed day, so the answer does not move with the clock.
        from relative in DemoValues.Relative
        from asOf in DemoValues.SolarDate
        select Object(("relative", Enum(relative)), ("asOf", Of(asOf)))
    );

    /// <summary>No page arguments, <c>first</c> (with or without a cursor of a real position) or <c>last</c>.</summary>
    private static readonly Gen<Argument[]> Paging = Gen.OneOf(
        Gen.Const(Array.Empty<Argument>()),
        from first in Required("first", "Int", Number(0, MaxPage))
        from after in Optional("after", "String", Gen.Int[0, 40].Select(i => Of(DemoValues.Cursor(i))))
        select after is null ? [first] : new[] { first, after },
        Required("last", "Int", Number(1, MaxPage)).Select(last => new[] { last })
    );

    private static Gen<RootField> Connection(
        string name,
        Gen<string> node,
        Gen<GraphQLValue> filter,
        Gen<GraphQLValue> order,
        string filterType,
        string sortType
    ) =>
        from paging in Paging
        from field in Field(
            name,
            Selections.Connection(node),
            Optional("where", filterType, filter),
            Optional("order", $"[{sortType}!]", order)
        )
        select field with
        {
            Arguments = [.. paging, .. field.Arguments],
        };

    private static Gen<RootField> Segment(
        string name,
        Gen<string> item,
        Gen<GraphQLValue> filter,
        Gen<GraphQLValue> order,
        string filterType,
        string sortType
    ) =>
        Field(
            name,
            Selections.Segment(item),
            Optional("skip", "Int", Number(0, 10_000)),
            Optional("take", "Int", Number(0, MaxPage)),
            Optional("where", filterType, filter),
            Optional("order", $"[{sortType}!]", order)
        );

    private static readonly string[] Dimensions =
    [
        "PROVINCE",
        "COUNTY",
        "TYPE",
        "SECTOR",
        "INTENT",
        "CHANNEL",
        "CENTER",
        "CHARITY",
        "YEAR",
        "QUARTER",
        "MONTH",
        "MONTH_OF_YEAR",
    ];

    private static readonly Gen<RootField> ContributionTotals =
        from groupBy in Gen.OneOf(Dimensions).Array[0, 3].Select(d => d.Distinct().ToArray())
        from period in Gen.Frequency((1, Gen.Const((GraphQLValue?)null)), (3, Period.Select(p => (GraphQLValue?)p)))
        from optional in All(
            Optional("unit", "MoneyUnit", DemoValues.MoneyUnit.Select(Enum)),
            Optional("first", "Int", Number(1, 100)),
            Optional("rollup", "Boolean", Gen.Bool.Select(Of)),
            Optional("where", "ContributionFilterInput", Filters.Contribution),
            Optional(
                "having",
                "ContributionMeasureFilterInput",
                Gen.OneOf(
                    Gen.Long[0, 5_000_000_000].Select(n => Object(("sum", Object(("gte", Of(n)))))),
                    Gen.Long[0, 50].Select(n => Object(("count", Object(("gt", Of(n))))))
                )
            ),
            Optional(
                "order",
                "[ContributionGroupSortInput!]",
                Gen.OneOf<string>([
                        "sum",
                        "count",
                        "average",
                        .. groupBy.Where(d => d != "MONTH_OF_YEAR").Select(d => d.ToLowerInvariant()),
                    ])
                    .SelectMany(key => DemoValues.Sort.Select(direction => List(Object((key, Enum(direction))))))
            )
        )
        from comparison in period is null
            ? Gen.Const(Array.Empty<Argument?>())
            : All(
                Optional("compareTo", "Comparison", Gen.OneOf("PREVIOUS_PERIOD", "SAME_PERIOD_LAST_YEAR").Select(Enum)),
                Optional("fillGaps", "Boolean", Gen.Bool.Select(Of))
            )
        from asVariable in Gen.Bool.Array[2]
        from selection in Selections.ContributionTotals
        let fixedArguments = new Argument?[]
        {
            groupBy.Length > 0 ? new Argument("groupBy", "[ContributionDimension!]", List([.. groupBy.Select(Enum)]), asVariable[0]) : null,
            period is null ? null : new Argument("period", "PeriodInput", period, asVariable[1]),
        }
        select new RootField("contributionTotals", [.. fixedArguments.Concat(optional).Concat(comparison).OfType<Argument>()], selection);

    private static GraphQLValue Condition(string field, GraphQLValue operation) => Object((field, operation));

    private static readonly Gen<GraphQLValue> HouseholdFilter = Gen.OneOf(
        DemoValues.CountyCode.Select(c => Condition("county", Condition("code", Condition("eq", Of(c))))),
        DemoValues.Benefit.Select(b => Condition("benefit", Condition("eq", Enum(b)))),
        Gen.Const(Object())
    );

    /// <summary>
    /// Household counts are stocks on a day: without <c>asOf</c> or a period that day is today, so the answer moves with the clock.
    /// </summary>
    private static readonly Gen<RootField> HouseholdTotals =
        from day in Gen.Frequency(
            (3, Required("asOf", "LocalDate", DemoValues.SolarDate.Select(Of)).Select(a => (Argument?)a)),
            (2, Required("period", "PeriodInput", Period).Select(a => (Argument?)a)),
            (1, Gen.Const((Argument?)null))
        )
        from others in All(
            Optional(
                "groupBy",
                "[HouseholdDimension!]",
                Gen.OneOf("PROVINCE", "COUNTY", "BENEFIT").Array[1, 2].Select(d => List([.. d.Distinct().Select(Enum)]))
            ),
            Optional("where", "HouseholdFilterInput", HouseholdFilter)
        )
        from selection in Selections.HouseholdTotals
        select new RootField(
            "householdTotals",
            [.. new[] { day }.Concat(others).OfType<Argument>()],
            selection,
            Deterministic: day is not null
        );

    private static readonly Gen<RootField> CenterTotals = Field(
        "centerTotals",
        Selections.CenterTotals,
        Optional(
            "groupBy",
            "[CenterDimension!]",
            Gen.OneOf("PROVINCE", "COUNTY", "KIND", "OWNERSHIP").Array[1, 2].Select(d => List([.. d.Distinct().Select(Enum)]))
        ),
        Optional("where", "CenterFilterInput", Filters.Center)
    );

    private static readonly Gen<RootField> ParticipationReport = Field(
        "participationReport",
        Selections.ParticipationReport,
        Required("province", "String!", Gen.Const(Of(DemoValues.Province))).Select(a => (Argument?)a),
        Required("period", "PeriodInput!", Period).Select(a => (Argument?)a),
        Optional("unit", "MoneyUnit", DemoValues.MoneyUnit.Select(Enum))
    );

    private static readonly Gen<RootField> ProvinceByCode = Field(
        "province",
        Selections.Province,
        Required("code", "String!", Gen.OneOf("IR-19", "IR-01", "IR-99").Select(Of)).Select(a => (Argument?)a)
    );

    private static readonly Gen<RootField> CountyByCode = Field(
        "county",
        Selections.County,
        Required("code", "String!", Gen.OneOf(DemoValues.CountyCode, Gen.Const("IR-19-99")).Select(Of)).Select(a => (Argument?)a)
    );

    private static readonly Gen<RootField> Introspection = Gen.OneOf(
        Gen.Const(new RootField("__typename", [], "")),
        Selections.Introspection.Select(s => new RootField("__schema", [], s)),
        Selections.TypeIntrospection.Select(s => new RootField(
            "__type" + s[..s.IndexOf(')', StringComparison.Ordinal)] + ")",
            [],
            s[(s.IndexOf(')', StringComparison.Ordinal) + 1)..].Trim()
        ))
    );

    public static readonly Gen<RootField> AnyRootField = Gen.Frequency(
        (4, ContributionTotals),
        (2, HouseholdTotals),
        (1, CenterTotals),
        (2, ParticipationReport),
        (
            2,
            Connection(
                "contributions",
                Selections.Contribution,
                Filters.Contribution,
                Filters.ContributionOrder,
                "ContributionFilterInput",
                "ContributionSortInput"
            )
        ),
        (
            1,
            Segment(
                "contributionsPage",
                Selections.Contribution,
                Filters.Contribution,
                Filters.ContributionOrder,
                "ContributionFilterInput",
                "ContributionSortInput"
            )
        ),
        (
            1,
            Connection(
                "provinces",
                Selections.Province,
                Filters.Province,
                Filters.ProvinceOrder,
                "ProvinceFilterInput",
                "ProvinceSortInput"
            )
        ),
        (1, Connection("counties", Selections.County, Filters.County, Filters.CountyOrder, "CountyFilterInput", "CountySortInput")),
        (1, Segment("countiesPage", Selections.County, Filters.County, Filters.CountyOrder, "CountyFilterInput", "CountySortInput")),
        (1, Connection("centers", Selections.Center, Filters.Center, Filters.CenterOrder, "CenterFilterInput", "CenterSortInput")),
        (1, Connection("charities", Selections.Charity, Filters.Charity, Filters.CharityOrder, "CharityFilterInput", "CharitySortInput")),
        (1, ProvinceByCode),
        (1, CountyByCode),
        (1, Introspection)
    );

    public static readonly Gen<GeneratedOperation> Query =
        from fields in AnyRootField.Array[1, 3]
        from named in Gen.Bool
        select GeneratedOperation.Query(
            fields,
            named ? "Generated" : null,
            "valid:" + string.Join("+", fields.Select(f => f.Name.Split('(')[0]))
        );
}
