using CsCheck;
using static WelfareGraph.Tests.Http.Generated.GraphQLValue;

namespace WelfareGraph.Tests.Http.Generated;

/// <summary>
/// <c>where</c> and <c>order</c> values in HotChocolate's shape over the real filter fields and operators,
/// with values the demo data holds (so that many filters match rows and some match none).
/// </summary>
public static class Filters
{
    private static Gen<(string, GraphQLValue)> Condition(string field, Gen<GraphQLValue> operation) => operation.Select(o => (field, o));

    private static Gen<GraphQLValue> Operation(string op, Gen<GraphQLValue> value) => value.Select(v => Object((op, v)));

    private static Gen<GraphQLValue> Text(Gen<string> value) =>
        from op in Gen.OneOf("eq", "neq", "contains", "ncontains", "startsWith", "nstartsWith", "endsWith", "nendsWith")
        from text in value
        select Object((op, Of(text)));

    private static Gen<GraphQLValue> TextIn(Gen<string> value) =>
        from op in Gen.OneOf("in", "nin")
        from items in value.Array[0, 4]
        select Object((op, List([.. items.Select(Of)])));

    private static Gen<GraphQLValue> Comparable(Gen<long> value) =>
        from op in Gen.OneOf("eq", "neq", "gt", "ngt", "gte", "ngte", "lt", "nlt", "lte", "nlte")
        from n in value
        select Object((op, Of(n)));

    private static Gen<GraphQLValue> EnumFilter(Gen<string> value) =>
        Gen.OneOf(
            from op in Gen.OneOf("eq", "neq")
            from v in value
            select Object((op, Enum(v))),
            from op in Gen.OneOf("in", "nin")
            from vs in value.Array[1, 3]
            select Object((op, List([.. vs.Select(Enum)])))
        );

    private static readonly Gen<GraphQLValue> CountyCode = Gen.OneOf(Text(DemoValues.CountyCode), TextIn(DemoValues.CountyCode));

    public static readonly Gen<GraphQLValue> County = Where(
        Condition("code", CountyCode),
        Condition("nameFa", Text(DemoValues.Text)),
        Condition("province", Gen.Const(Object(("code", Object(("eq", Of(DemoValues.Province))))))),
        Condition("totalHouseholds", Comparable(Gen.Long[0, 200_000]))
    );

    public static readonly Gen<GraphQLValue> Province = Where(
        Condition("code", Text(Gen.OneOf("IR-19", "IR-00", "IR-1", "19"))),
        Condition("nameFa", Text(DemoValues.Text)),
        Condition("nameEn", Text(Gen.OneOf("Zanjan", "K", "an")))
    );

    public static readonly Gen<GraphQLValue> Center = Where(
        Condition("kind", EnumFilter(DemoValues.CenterKind)),
        Condition("ownership", EnumFilter(DemoValues.Ownership)),
        Condition("capacity", Comparable(Gen.Long[0, 300])),
        Condition("county", County),
        Condition("name", Text(DemoValues.Text))
    );

    public static readonly Gen<GraphQLValue> Charity = Where(
        Condition("county", County),
        Condition("name", Text(DemoValues.Text)),
        Condition("licenceNo", Text(Gen.OneOf("1", "19", "")))
    );

    public static readonly Gen<GraphQLValue> Contribution = Where(
        Condition("amountRial", Comparable(Gen.Long[0, 20_000_000_000])),
        Condition("county", County),
        Condition("type", EnumFilter(DemoValues.ContributionType)),
        Condition("sector", EnumFilter(DemoValues.Sector)),
        Condition("intent", EnumFilter(DemoValues.Intent)),
        Condition("channel", EnumFilter(DemoValues.Channel)),
        Condition("solarYear", Comparable(DemoValues.Year.Select(y => (long)y))),
        Condition("solarMonth", Comparable(DemoValues.Month.Select(m => (long)m))),
        Condition("date", DemoValues.SolarDate.SelectMany(d => Gen.OneOf("gte", "lte", "eq", "gt").Select(op => Object((op, Of(d)))))),
        Condition("description", Text(DemoValues.Text))
    );

    /// <summary>Zero to three conditions, sometimes under <c>and</c> / <c>or</c> (empty lists included: they add no condition).</summary>
    private static Gen<GraphQLValue> Where(params Gen<(string, GraphQLValue)>[] conditions)
    {
        var some = Gen.OneOf(conditions).Array[0, 3].Select(picked => picked.DistinctBy(c => c.Item1).ToArray());
        return Gen.Frequency(
            (4, some.Select(Object)),
            (
                1,
                from a in some
                from b in some
                from combinator in Gen.OneOf("and", "or")
                select Object((combinator, List(Object(a), Object(b))))
            ),
            (1, Gen.OneOf("and", "or").Select(combinator => Object((combinator, List()))))
        );
    }

    /// <summary>One to three sort keys; a dotted path sorts by a related entity's field (<c>{ county: { nameFa: ASC } }</c>).</summary>
    private static Gen<GraphQLValue> Order(params string[] paths) =>
        (
            from path in Gen.OneOf(paths)
            from direction in DemoValues.Sort
            select path.Split('.').Reverse().Aggregate(Enum(direction), (inner, field) => Object((field, inner)))
        )
            .Array[1, 3]
            .Select(keys => List(keys));

    public static readonly Gen<GraphQLValue> ContributionOrder = Order(
        "date",
        "amountRial",
        "type",
        "solarMonth",
        "id",
        "channel",
        "county.nameFa",
        "county.province.code"
    );
    public static readonly Gen<GraphQLValue> CountyOrder = Order("code", "nameFa", "nameEn", "totalHouseholds");
    public static readonly Gen<GraphQLValue> ProvinceOrder = Order("code", "nameFa", "nameEn");
    public static readonly Gen<GraphQLValue> CenterOrder = Order("code", "capacity", "residents", "kind", "name", "county.code");
    public static readonly Gen<GraphQLValue> CharityOrder = Order("code", "name", "licenceNo");
}
