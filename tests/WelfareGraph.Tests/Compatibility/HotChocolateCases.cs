using System.Globalization;
using System.Text.Json.Nodes;
using WelfareGraph.Centers;
using WelfareGraph.Contributions;
using WelfareGraph.Data.Generation;
using WelfareGraph.Geography;
using WelfareGraph.Households;

namespace WelfareGraph.Tests.Compatibility;

/// <summary>
/// Operations written as HotChocolate 15's documentation and generated clients (Strawberry Shake, Apollo with codegen)
/// write them: named operations, fragments on the field-named connection, edge and segment types, variables declared
/// with HotChocolate's input and scalar types (<c>ContributionFilterInput</c>, <c>[ContributionSortInput!]</c>,
/// <c>LocalDate</c>, <c>[ID]</c>, <c>NullableOf…OperationFilterInput</c>), multi-key sort objects, empty
/// <c>and</c>/<c>or</c>, null operands, <c>first</c>/<c>last</c> edge cases and offset paging. Each answer is worked
/// out here in plain C# over the generated rows (LINQ to objects; the primary key breaks ties, as on the server);
/// nothing goes through the server's filter or sort builders.
/// </summary>
public static class HotChocolateCases
{
    /// <summary>The case names, from the same deterministic data set the fixtures load.</summary>
    public static IEnumerable<string> Names => For(Querying.ConformanceCases.Data).Select(c => c.Name);

    /// <summary>Contributions with their ids (the server assigns 1, 2, … in the order they were written).</summary>
    private static List<(Contribution Row, long Id)> Numbered(GeneratedDataSet d) => [.. d.Contributions.Select((c, i) => (c, i + 1L))];

    private static List<string> Keys(IEnumerable<(Contribution Row, long Id)> rows) => [.. rows.Select(r => r.Row.ExternalId)];

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static JsonNode Json(string json) => JsonNode.Parse(json)!;

    /// <summary>The first <paramref name="first"/> of <paramref name="all"/>, as a cursor page reports it.</summary>
    private static PageAnswer First(string field, List<string> all, int first) =>
        new(field, [.. all.Take(first)], all.Count) { HasNextPage = all.Count > first, HasPreviousPage = false };

    /// <summary>The last <paramref name="last"/> of <paramref name="all"/>, as a cursor page reports it.</summary>
    private static PageAnswer Last(string field, List<string> all, int last) =>
        new(field, [.. all.TakeLast(last)], all.Count) { HasNextPage = false, HasPreviousPage = all.Count > last };

    /// <summary>An offset page of <paramref name="all"/>, as a collection segment reports it.</summary>
    private static PageAnswer Segment(string field, List<string> all, int skip, int take) =>
        new(field, [.. all.Skip(skip).Take(take)], all.Count) { HasNextPage = all.Count > skip + take, HasPreviousPage = skip > 0 };

    public static IEnumerable<HotChocolateCase> For(GeneratedDataSet d)
    {
        var rows = Numbered(d);
        List<string> Households(Func<Household, bool> p) => [.. d.Households.Where(p).Select(h => h.Pseudonym)];

        // --- Fragments on the field-named paged types -------------------------------------------------------------

        yield return new(
            "fragments on ContributionsConnection and ContributionsEdge, variables typed as HotChocolate types them",
            """
            query CashByAmount($first: Int!, $where: ContributionFilterInput, $order: [ContributionSortInput!]) {
              contributions(first: $first, where: $where, order: $order) { ...ContributionsPage }
            }
            fragment ContributionsPage on ContributionsConnection {
              __typename
              totalCount
              pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
              edges { ...ContributionEdge }
            }
            fragment ContributionEdge on ContributionsEdge { __typename cursor node { __typename id externalId amountRial } }
            """,
            Json("""{ "first": 10, "where": { "type": { "eq": "CASH" } }, "order": [{ "amountRial": "DESC" }] }"""),
            First(
                "contributions",
                Keys(rows.Where(r => r.Row.Type == ContributionType.Cash).OrderByDescending(r => r.Row.AmountRial).ThenBy(r => r.Id)),
                10
            ) with
            {
                TypeName = "ContributionsConnection",
                EdgeTypeName = "ContributionsEdge",
            }
        );

        yield return new(
            "a fragment on ContributionsPageCollectionSegment, offset paging with skip and take",
            """
            query CharityGifts($skip: Int, $take: Int, $where: ContributionFilterInput, $order: [ContributionSortInput!]) {
              contributionsPage(skip: $skip, take: $take, where: $where, order: $order) { ...GiftSegment }
            }
            fragment GiftSegment on ContributionsPageCollectionSegment {
              __typename
              totalCount
              pageInfo { hasNextPage hasPreviousPage }
              items { externalId date }
            }
            """,
            Json("""{ "skip": 20, "take": 15, "where": { "sector": { "eq": "CHARITY" } }, "order": [{ "date": "ASC" }] }"""),
            Segment(
                "contributionsPage",
                Keys(rows.Where(r => r.Row.Sector == Sector.Charity).OrderBy(r => r.Row.Date).ThenBy(r => r.Id)),
                20,
                15
            ) with
            {
                TypeName = "ContributionsPageCollectionSegment",
            }
        );

        yield return new(
            "a fragment on HouseholdsConnection reading nodes",
            """
            query LargePensionHouseholds($where: HouseholdFilterInput) {
              households(first: 8, where: $where) { ...HouseholdPage }
            }
            fragment HouseholdPage on HouseholdsConnection { __typename totalCount pageInfo { hasNextPage } nodes { id members } }
            """,
            Json("""{ "where": { "benefit": { "eq": "PENSION" }, "members": { "gte": 5 } } }"""),
            First("households", Households(h => h.Benefit == Benefit.Pension && h.Members >= 5), 8) with
            {
                TypeName = "HouseholdsConnection",
                HasPreviousPage = null,
            }
        );

        yield return new(
            "a fragment on HouseholdsPageCollectionSegment, a NullableOfExitReasonOperationFilterInput variable whose in takes null",
            """
            query DeceasedOrCovered($reason: NullableOfExitReasonOperationFilterInput) {
              householdsPage(skip: 5, take: 10, where: { exitReason: $reason }) { ...HouseholdSegment }
            }
            fragment HouseholdSegment on HouseholdsPageCollectionSegment {
              __typename
              totalCount
              pageInfo { hasNextPage hasPreviousPage }
              items { id exitReason }
            }
            """,
            Json("""{ "reason": { "in": ["DECEASED", null] } }"""),
            Segment("householdsPage", Households(h => h.ExitReason is null or ExitReason.Deceased), 5, 10) with
            {
                TypeName = "HouseholdsPageCollectionSegment",
            }
        );

        // Reference rows are read in code order, as a dashboard lists them (codes are ASCII: every collation agrees).
        List<string> Counties(Func<County, bool> p) => [.. d.Counties.Where(p).Select(c => c.Code).Order(StringComparer.Ordinal)];
        yield return new(
            "fragments on CountiesConnection and CountiesEdge",
            """
            query ZanjanCounties {
              counties(first: 3, where: { province: { code: { eq: "IR-19" } } }, order: [{ code: ASC }]) { ...CountyPage }
            }
            fragment CountyPage on CountiesConnection { __typename totalCount pageInfo { hasNextPage hasPreviousPage }
              edges { ...CountyEdge } }
            fragment CountyEdge on CountiesEdge { __typename cursor node { code nameFa } }
            """,
            null,
            First("counties", Counties(c => GeneratedDataSet.ProvinceCodeOf(c) == "IR-19"), 3) with
            {
                TypeName = "CountiesConnection",
                EdgeTypeName = "CountiesEdge",
            }
        );

        yield return new(
            "a fragment on CountiesPageCollectionSegment, a list filter with some",
            """
            query CountiesWithElderlyCare {
              countiesPage(take: 5, where: { centers: { some: { kind: { eq: ELDERLY } } } }, order: [{ code: ASC }]) { ...CountySegment }
            }
            fragment CountySegment on CountiesPageCollectionSegment { __typename totalCount
              pageInfo { hasNextPage hasPreviousPage } items { code } }
            """,
            null,
            Segment("countiesPage", Counties(c => d.Centers.Any(x => x.County.Code == c.Code && x.Kind == CenterKind.Elderly)), 0, 5) with
            {
                TypeName = "CountiesPageCollectionSegment",
            }
        );

        List<string> Centers(IEnumerable<Center> centers) => [.. centers.Select(c => c.Code)];
        yield return new(
            "fragments on CentersConnection and CentersEdge, a [CenterKind!] variable",
            """
            query CareCentres($kinds: [CenterKind!]) {
              centers(first: 7, where: { kind: { in: $kinds } }, order: [{ code: ASC }]) { ...CenterPage }
            }
            fragment CenterPage on CentersConnection { __typename totalCount pageInfo { hasNextPage hasPreviousPage }
              edges { ...CenterEdge } }
            fragment CenterEdge on CentersEdge { __typename node { code kind } }
            """,
            Json("""{ "kinds": ["DISABILITY", "ELDERLY"] }"""),
            First(
                "centers",
                Centers(
                    d.Centers.Where(c => c.Kind is CenterKind.Disability or CenterKind.Elderly).OrderBy(c => c.Code, StringComparer.Ordinal)
                ),
                7
            ) with
            {
                TypeName = "CentersConnection",
                EdgeTypeName = "CentersEdge",
            }
        );

        yield return new(
            "a fragment on CentersPageCollectionSegment, two keys in one sort object",
            """
            query CentresByCapacity {
              centersPage(take: 12, where: { capacity: { gte: 60 } }, order: [{ capacity: DESC, residents: ASC },
                { code: ASC }]) { ...CenterSegment }
            }
            fragment CenterSegment on CentersPageCollectionSegment { __typename totalCount
              pageInfo { hasNextPage hasPreviousPage } items { code capacity residents } }
            """,
            null,
            Segment(
                "centersPage",
                Centers(
                    d.Centers.Where(c => c.Capacity >= 60)
                        .OrderByDescending(c => c.Capacity)
                        .ThenBy(c => c.Residents)
                        .ThenBy(c => c.Code, StringComparer.Ordinal)
                ),
                0,
                12
            ) with
            {
                TypeName = "CentersPageCollectionSegment",
            }
        );

        List<string> Charities(Func<WelfareGraph.Charities.Charity, bool> p) =>
            [.. d.Charities.Where(p).Select(c => c.Code).Order(StringComparer.Ordinal)];
        yield return new(
            "a fragment on CharitiesConnection",
            """
            query FarsCharities {
              charities(first: 4, where: { county: { province: { code: { eq: "IR-07" } } } }, order: [{ code: ASC }]) { ...CharityPage }
            }
            fragment CharityPage on CharitiesConnection { __typename totalCount pageInfo { hasNextPage hasPreviousPage }
              nodes { code name } }
            """,
            null,
            First("charities", Charities(c => c.County.Code.StartsWith("IR-07-", StringComparison.Ordinal)), 4) with
            {
                TypeName = "CharitiesConnection",
            }
        );

        yield return new(
            "a fragment on CharitiesPageCollectionSegment",
            """
            query LicensedCharities {
              charitiesPage(skip: 1, take: 6, where: { licenceNo: { contains: "-1401-" } }, order: [{ code: ASC }]) { ...CharitySegment }
            }
            fragment CharitySegment on CharitiesPageCollectionSegment { __typename totalCount
              pageInfo { hasNextPage hasPreviousPage } items { code licenceNo } }
            """,
            null,
            Segment("charitiesPage", Charities(c => c.LicenceNo.Contains("-1401-")), 1, 6) with
            {
                TypeName = "CharitiesPageCollectionSegment",
            }
        );

        var withCounties = d.Counties.Select(GeneratedDataSet.ProvinceCodeOf).ToHashSet();
        List<string> Provinces(Func<Province, bool> p) => [.. ProvinceReferenceData.All.Where(p).OrderBy(x => x.Id).Select(x => x.Code)];
        yield return new(
            "fragments on ProvincesConnection and ProvincesEdge, a list filter with any",
            """
            query ProvincesWithData {
              provinces(first: 2, where: { counties: { any: true } }) { ...ProvincePage }
            }
            fragment ProvincePage on ProvincesConnection { __typename totalCount pageInfo { hasNextPage hasPreviousPage }
              edges { ...ProvinceEdge } }
            fragment ProvinceEdge on ProvincesEdge { __typename cursor node { code nameEn } }
            """,
            null,
            First("provinces", Provinces(p => withCounties.Contains(p.Code)), 2) with
            {
                TypeName = "ProvincesConnection",
                EdgeTypeName = "ProvincesEdge",
            }
        );

        yield return new(
            "a fragment on ProvincesPageCollectionSegment, Persian text",
            """
            query KhorasanProvinces {
              provincesPage(take: 5, where: { nameFa: { contains: "خراسان" } }) { ...ProvinceSegment }
            }
            fragment ProvinceSegment on ProvincesPageCollectionSegment { __typename totalCount
              pageInfo { hasNextPage hasPreviousPage } items { code } }
            """,
            null,
            Segment("provincesPage", Provinces(p => p.NameFa.Contains("خراسان")), 0, 5) with
            {
                TypeName = "ProvincesPageCollectionSegment",
            }
        );

        // --- LocalDate ---------------------------------------------------------------------------------------------

        var from = rows[rows.Count / 3].Row.Date;
        var to = from.AddDays(20);
        yield return new(
            "LocalDate! variables on a date range",
            """
            query GiftsBetween($from: LocalDate!, $to: LocalDate!) {
              contributions(first: 20, where: { date: { gte: $from, lte: $to } }, order: [{ date: ASC }]) {
                totalCount pageInfo { hasNextPage hasPreviousPage } nodes { externalId date }
              }
            }
            """,
            Json($$"""{ "from": "{{Day(from)}}", "to": "{{Day(to)}}" }"""),
            First(
                "contributions",
                Keys(rows.Where(r => r.Row.Date >= from && r.Row.Date <= to).OrderBy(r => r.Row.Date).ThenBy(r => r.Id)),
                20
            )
        );

        var days = new[] { rows[10].Row.Date, rows[2000].Row.Date };
        yield return new(
            "a [LocalDate] variable with a null item: the date is never null, so the null matches nothing",
            """
            query GiftsOnDays($days: [LocalDate]) {
              contributionsPage(take: 50, where: { date: { in: $days } }) { totalCount pageInfo { hasNextPage hasPreviousPage }
                items { externalId } }
            }
            """,
            Json($$"""{ "days": ["{{Day(days[0])}}", null, "{{Day(days[1])}}"] }"""),
            Segment("contributionsPage", Keys(rows.Where(r => days.Contains(r.Row.Date))), 0, 50)
        );

        var exitedFrom = new DateOnly(2025, 1, 1);
        yield return new(
            "a LocalDateOperationFilterInput variable on a nullable date",
            """
            query ExitedSince($until: LocalDateOperationFilterInput) {
              householdsPage(take: 20, where: { coveredUntil: $until }) { totalCount pageInfo { hasNextPage hasPreviousPage }
                items { id coveredUntil } }
            }
            """,
            Json($$"""{ "until": { "gte": "{{Day(exitedFrom)}}" } }"""),
            Segment("householdsPage", Households(h => h.CoveredUntil >= exitedFrom), 0, 20)
        );

        // --- IDs: [ID] ---------------------------------------------------------------------------------------------

        yield return new(
            "an [ID] variable with a null item in in: the id is never null, so the null matches nothing",
            """
            query ByIds($ids: [ID]) {
              contributions(first: 10, where: { id: { in: $ids } }) { totalCount pageInfo { hasNextPage hasPreviousPage }
                nodes { id externalId } }
            }
            """,
            Json("""{ "ids": ["1", "42", null, "600"] }"""),
            First("contributions", Keys(rows.Where(r => r.Id is 1 or 42 or 600)), 10)
        );

        var januaryIds = rows.Where(r => r.Row.SolarMonth == 1).Take(2).Select(r => r.Id).ToArray();
        yield return new(
            "an [ID] variable with a null item in nin",
            """
            query FarvardinExcept($ids: [ID]) {
              contributionsPage(take: 30, where: { solarMonth: { eq: 1 }, id: { nin: $ids } }) {
                totalCount pageInfo { hasNextPage hasPreviousPage } items { externalId }
              }
            }
            """,
            Json($$"""{ "ids": ["{{Id(januaryIds[0])}}", null, "{{Id(januaryIds[1])}}"] }"""),
            Segment("contributionsPage", Keys(rows.Where(r => r.Row.SolarMonth == 1 && !januaryIds.Contains(r.Id))), 0, 30)
        );

        var pseudonyms = new[] { d.Households[3].Pseudonym, d.Households[77].Pseudonym };
        yield return new(
            "an [ID!]! variable still fits the [ID] list, with a literal null item beside it in an or",
            """
            query TwoHouseholds($ids: [ID!]!) {
              households(first: 5, where: { or: [{ id: { in: $ids } }, { id: { in: [null] } }] })
                { totalCount pageInfo { hasNextPage hasPreviousPage } nodes { id } }
            }
            """,
            Json($$"""{ "ids": ["{{pseudonyms[0]}}", "{{pseudonyms[1]}}"] }"""),
            First("households", Households(h => pseudonyms.Contains(h.Pseudonym)), 5)
        );

        // --- Nullable enums: NullableOf{Enum}OperationFilterInput ----------------------------------------------------

        yield return new(
            "in: [HOUR, null] on a nullable enum: the null is IS NULL",
            """
            query HoursOrUnmeasured {
              contributionsPage(take: 40, where: { quantityUnit: { in: [HOUR, null] } }, order: [{ amountRial: ASC }]) {
                totalCount pageInfo { hasNextPage hasPreviousPage } items { externalId quantityUnit }
              }
            }
            """,
            null,
            Segment(
                "contributionsPage",
                Keys(rows.Where(r => r.Row.QuantityUnit is null or QuantityUnit.Hour).OrderBy(r => r.Row.AmountRial).ThenBy(r => r.Id)),
                0,
                40
            )
        );

        yield return new(
            "a [QuantityUnit] variable with a null item in nin",
            """
            query MeasuredNotByWeight($units: [QuantityUnit]) {
              contributionsPage(take: 40, where: { quantityUnit: { nin: $units } })
                { totalCount pageInfo { hasNextPage hasPreviousPage } items { externalId } }
            }
            """,
            Json("""{ "units": ["KILOGRAM", null] }"""),
            Segment("contributionsPage", Keys(rows.Where(r => r.Row.QuantityUnit is not null and not QuantityUnit.Kilogram)), 0, 40)
        );

        yield return new(
            "a NullableOfValuationBasisOperationFilterInput variable: nin keeps the rows without a basis, as in C#",
            """
            query NotInvoicedOrPriced($basis: NullableOfValuationBasisOperationFilterInput) {
              contributionsPage(skip: 10, take: 25, where: { valuationBasis: $basis, solarYear: { eq: 1403 } }) {
                totalCount pageInfo { hasNextPage hasPreviousPage } items { externalId }
              }
            }
            """,
            Json("""{ "basis": { "nin": ["INVOICE", "MARKET_PRICE"] } }"""),
            Segment(
                "contributionsPage",
                Keys(
                    rows.Where(r =>
                        r.Row.SolarYear == 1403 && r.Row.ValuationBasis is not (ValuationBasis.Invoice or ValuationBasis.MarketPrice)
                    )
                ),
                10,
                25
            )
        );

        yield return new(
            "a [ContributionType!] variable on a non-null enum (ContributionTypeOperationFilterInput)",
            """
            query InKindAndService($types: [ContributionType!]) {
              contributions(first: 15, where: { type: { in: $types }, solarYear: { eq: 1404 } }) {
                totalCount pageInfo { hasNextPage hasPreviousPage } nodes { externalId }
              }
            }
            """,
            Json("""{ "types": ["IN_KIND", "VOLUNTEER_SERVICE"] }"""),
            First(
                "contributions",
                Keys(
                    rows.Where(r => r.Row.Type is ContributionType.InKind or ContributionType.VolunteerService && r.Row.SolarYear == 1404)
                ),
                15
            )
        );

        // --- Sort objects with several keys, applied in the order written --------------------------------------------

        yield return new(
            "a literal sort object with two keys: amount first, then date",
            """
            query LivelihoodByAmount {
              contributionsPage(take: 20, where: { intent: { eq: LIVELIHOOD } }, order: [{ amountRial: DESC, date: ASC }]) {
                totalCount pageInfo { hasNextPage hasPreviousPage } items { externalId }
              }
            }
            """,
            null,
            Segment(
                "contributionsPage",
                Keys(
                    rows.Where(r => r.Row.Intent == Intent.Livelihood)
                        .OrderByDescending(r => r.Row.AmountRial)
                        .ThenBy(r => r.Row.Date)
                        .ThenBy(r => r.Id)
                ),
                0,
                20
            )
        );

        yield return new(
            "a [ContributionSortInput!] variable whose object has two keys: date first, then amount",
            """
            query GovernmentByDate($order: [ContributionSortInput!]) {
              contributions(first: 25, where: { sector: { eq: GOVERNMENT } }, order: $order) {
                totalCount pageInfo { hasNextPage hasPreviousPage } nodes { externalId }
              }
            }
            """,
            Json("""{ "order": [{ "date": "DESC", "amountRial": "ASC" }] }"""),
            First(
                "contributions",
                Keys(
                    rows.Where(r => r.Row.Sector == Sector.Government)
                        .OrderByDescending(r => r.Row.Date)
                        .ThenBy(r => r.Row.AmountRial)
                        .ThenBy(r => r.Id)
                ),
                25
            )
        );

        // --- Empty and / or: no condition -----------------------------------------------------------------------------

        yield return new(
            "or: [] beside a condition adds nothing",
            """
            query InKindWithNothingPicked {
              contributionsPage(take: 30, where: { or: [], type: { eq: IN_KIND } })
                { totalCount pageInfo { hasNextPage hasPreviousPage } items { externalId } }
            }
            """,
            null,
            Segment("contributionsPage", Keys(rows.Where(r => r.Row.Type == ContributionType.InKind)), 0, 30)
        );

        yield return new(
            "a ContributionFilterInput variable with and: [] and or: [] at two levels",
            """
            query SpringWithEmptyPickers($where: ContributionFilterInput) {
              contributions(first: 30, where: $where) { totalCount pageInfo { hasNextPage hasPreviousPage } nodes { externalId } }
            }
            """,
            Json(
                """{ "where": { "and": [], "or": [], "solarQuarter": { "eq": 2, "or": [] """
                    + """}, "county": { "and": [], "province": { "code": { "eq": "IR-19" } } } } }"""
            ),
            First(
                "contributions",
                Keys(rows.Where(r => r.Row.SolarQuarter == 2 && r.Row.County.Code.StartsWith("IR-19-", StringComparison.Ordinal))),
                30
            )
        );

        // --- Null operands: HC0026 --------------------------------------------------------------------------------------

        yield return new(
            "a null String variable in contains is HC0026, never an unfiltered page",
            """
            query Search($text: String) {
              contributions(first: 5, where: { description: { contains: $text } }) { totalCount nodes { externalId } }
            }
            """,
            Json("""{ "text": null }"""),
            new ErrorAnswer("contributions", "HC0026", "String!")
        );

        yield return new(
            "gt: null is HC0026",
            """
            query AboveNothing {
              contributionsPage(take: 5, where: { amountRial: { gt: null } }) { totalCount }
            }
            """,
            null,
            new ErrorAnswer("contributionsPage", "HC0026", "Long!")
        );

        yield return new(
            "a null [ID] variable in in is HC0026",
            """
            query NoIds($ids: [ID]) {
              contributions(first: 5, where: { id: { in: $ids } }) { totalCount }
            }
            """,
            Json("""{ "ids": null }"""),
            new ErrorAnswer("contributions", "HC0026", "[ID]!")
        );

        yield return new(
            "an object filter set to null inside a ContributionFilterInput variable is HC0026",
            """
            query NullCounty($where: ContributionFilterInput) {
              contributionsPage(take: 5, where: $where) { totalCount }
            }
            """,
            Json("""{ "where": { "county": null } }"""),
            new ErrorAnswer("contributionsPage", "HC0026", "CountyFilterInput!")
        );

        // --- first / last ----------------------------------------------------------------------------------------------

        var cash = Keys(rows.Where(r => r.Row.Type == ContributionType.Cash));
        yield return new(
            "first: 0 returns no edges and says more follow",
            """
            query CountOnly {
              contributions(first: 0, where: { type: { eq: CASH } }) { totalCount pageInfo { hasNextPage hasPreviousPage }
                edges { node { externalId } } }
            }
            """,
            null,
            First("contributions", cash, 0)
        );

        yield return new(
            "first and last together: the first six, then the last two of those",
            """
            query SliceOfCash($first: Int, $last: Int) {
              contributions(first: $first, last: $last, where: { type: { eq: CASH } }) { totalCount nodes { externalId } }
            }
            """,
            Json("""{ "first": 6, "last": 2 }"""),
            new PageAnswer("contributions", [.. cash.Take(6).TakeLast(2)], cash.Count)
        );

        yield return new(
            "last alone, with an order",
            """
            query LargestOnline {
              contributions(last: 4, where: { channel: { eq: ONLINE } }, order: [{ amountRial: ASC }]) {
                totalCount pageInfo { hasNextPage hasPreviousPage } nodes { externalId }
              }
            }
            """,
            null,
            Last(
                "contributions",
                Keys(rows.Where(r => r.Row.Channel == Channel.Online).OrderBy(r => r.Row.AmountRial).ThenBy(r => r.Id)),
                4
            )
        );

        // --- Offset paging ---------------------------------------------------------------------------------------------

        var equipment = Keys(rows.Where(r => r.Row.Intent == Intent.Equipment && r.Row.SolarYear == 1404));
        yield return new(
            "a take past the end returns the rest and no next page",
            """
            query EquipmentTail($skip: Int) {
              contributionsPage(skip: $skip, take: 10, where: { intent: { eq: EQUIPMENT }, solarYear: { eq: 1404 } }) {
                totalCount pageInfo { hasNextPage hasPreviousPage } items { externalId }
              }
            }
            """,
            Json($$"""{ "skip": {{equipment.Count - 3}} }"""),
            Segment("contributionsPage", equipment, equipment.Count - 3, 10)
        );

        yield return new(
            "an offset page without take is the default page of 10",
            """
            query FirstHouseholdsPage {
              householdsPage(where: { benefit: { eq: OTHER_SERVICES } }) { totalCount pageInfo { hasNextPage hasPreviousPage }
                items { id } }
            }
            """,
            null,
            Segment("householdsPage", Households(h => h.Benefit == Benefit.OtherServices), 0, 10)
        );

        // --- Paging errors: HotChocolate's codes ---------------------------------------------------------------------------

        yield return new(
            "first above the maximum page size is HC0051",
            """
            query TooLarge { contributions(first: 51) { totalCount } }
            """,
            null,
            new ErrorAnswer("contributions", "HC0051")
        );

        yield return new(
            "a negative take is HC0079",
            """
            query Negative { contributionsPage(take: -1) { totalCount } }
            """,
            null,
            new ErrorAnswer("contributionsPage", "HC0079")
        );
    }
}
