using CsCheck;

namespace WelfareGraph.Tests.Http.Generated;

/// <summary>
/// Selection sets of the schema's output types: non-empty subsets of real fields, with fragments and inline fragments among them.
/// </summary>
public static class Selections
{
    /// <summary>A non-empty subset of the choices, in their order, as a selection set.</summary>
    public static Gen<string> Of(params string[] choices) =>
        Gen
            .Bool.Array[choices.Length]
            .Select(picked =>
            {
                var fields = choices.Where((_, i) => picked[i]).ToList();
                return "{ " + string.Join(" ", fields.Count > 0 ? fields : [choices[0]]) + " }";
            });

    public static readonly Gen<string> Province = Of("code", "nameFa", "nameEn", "__typename", "...ProvinceFields", "counties { code }");

    public static readonly Gen<string> County = Of(
        "code",
        "nameFa",
        "nameEn",
        "totalHouseholds",
        "province { code nameFa }",
        "...CountyFields",
        "centers { code kind }",
        "charities { code licenceNo }",
        "... on County { code }"
    );

    public static readonly Gen<string> Center = Of(
        "code",
        "name",
        "nameEn",
        "kind",
        "ownership",
        "capacity",
        "residents",
        "county { code }",
        "...CenterFields",
        "...CenterFields"
    );

    public static readonly Gen<string> Charity = Of("code", "name", "nameEn", "licenceNo", "county { ...CountyFields }");

    public static readonly Gen<string> Contribution = Of(
        "id",
        "date",
        "amountRial",
        "type",
        "sector",
        "intent",
        "channel",
        "solarYear",
        "solarQuarter",
        "solarMonth",
        "quantity",
        "quantityUnit",
        "description",
        "valuationBasis",
        "sourceSystem",
        "externalId",
        "county { code nameFa }",
        "center { code name }",
        "charity { code }",
        "...ContributionFields",
        "... on Contribution { date }",
        "counted: amountRial"
    );

    /// <summary>A cursor connection's fields around the node selection.</summary>
    public static Gen<string> Connection(Gen<string> node) =>
        from nodes in node
        from edgeNode in node
        from selection in Gen.Bool.Array[4]
        let parts = new[]
        {
            selection[0] ? "totalCount" : null,
            selection[1] ? "pageInfo { ...PageFields }" : "pageInfo { hasNextPage endCursor }",
            selection[2] || !selection[3] ? $"nodes {nodes}" : null,
            selection[3] ? $"edges {{ cursor node {edgeNode} }}" : null,
        }
        select "{ " + string.Join(" ", parts.Where(p => p is not null)) + " }";

    /// <summary>An offset-paging segment's fields.</summary>
    public static Gen<string> Segment(Gen<string> item) =>
        from items in item
        from total in Gen.Bool
        select "{ " + (total ? "totalCount " : "") + $"items {items} pageInfo {{ hasNextPage hasPreviousPage }} }}";

    public static readonly Gen<string> ContributionTotals =
        from key in Of(
            "county { code nameEn }",
            "province { code }",
            "type",
            "sector",
            "intent",
            "channel",
            "center { code }",
            "charity { code }",
            "year",
            "quarter",
            "month",
            "monthNameFa",
            "monthNameEn",
            "period"
        )
        from groupFields in Of("sum", "count", "average", "min", "max", "share", "subtotal", "growth", "comparison { sum count }")
        from total in Of("sum", "count", "average", "min", "max", "growth", "comparison { sum count }")
        select $"{{ total {total} groups {{ key {key} {groupFields[2..^2]} }} }}";

    public static readonly Gen<string> HouseholdTotals = Of(
        "asOf",
        "total { count coverageRate suppressed partial allHouseholds }",
        "groups { key { county { code } benefit province { code } } count share coverageRate suppressed partial allHouseholds }"
    );

    public static readonly Gen<string> CenterTotals = Of(
        "total { centers capacity residents occupancy }",
        "groups { key { county { code } kind ownership province { code } } centers capacity residents occupancy }"
    );

    public static readonly Gen<string> ParticipationReport = Of(
        "total",
        "charities",
        "unit",
        "centerResidents",
        "statementFa",
        "statementEn",
        "government { cash inKind volunteerServices total }",
        "households { covered allHouseholds coverageRate pensioners pensionerShare otherServices otherServicesShare }",
        "period { from to label labelFa labelEn }",
        "province { ...ProvinceFields }"
    );

    public static readonly Gen<string> Introspection = Gen.OneOf(
        "{ queryType { name } mutationType { name } }",
        "{ types { name kind } }",
        "{ directives { name locations } }"
    );

    public static readonly Gen<string> TypeIntrospection =
        from type in Gen.OneOf("Contribution", "PeriodInput", "ContributionDimension", "Province", "Nope")
        select $"(name: \"{type}\") {{ name kind fields {{ name type {{ name kind ofType {{ name }} "
            + $"}} }} inputFields {{ name }} enumValues {{ name }} }}";
}
