using System.Globalization;
using WelfareGraph.Centers;
using WelfareGraph.Charities;
using WelfareGraph.Contributions;
using WelfareGraph.Data.Generation;
using WelfareGraph.Geography;
using WelfareGraph.Households;
using WelfareGraph.Tests.Infrastructure;

namespace WelfareGraph.Tests.Querying;

/// <summary>
/// One filter case: a list field, a <c>where</c> in HotChocolate's shape, and the same question answered in
/// plain C# over the generated rows (the expectation never goes through the server's expression builder).
/// </summary>
public sealed record FilterCase(
    string Name,
    string Field,
    string Key,
    string Where,
    Func<GeneratedDataSet, IReadOnlyList<string>> Expected
);

/// <summary>The conformance cases: every operator of every scalar kind, and/or, nested objects and lists.</summary>
public static class ConformanceCases
{
    public static readonly GeneratedDataSet Data = DataSetGenerator.Generate(GeneratedDataServer.SecondSpec);

    public static readonly IReadOnlyDictionary<string, FilterCase> All = Build().ToDictionary(c => c.Name);

    // Independent of the server's PersianText: Arabic yeh/kaf to Persian, Persian digits to ASCII, ZWNJ to space.
    private static string Fold(string s) =>
        new(
            s.Select(c =>
                    c switch
                    {
                        'ي' => 'ی',
                        'ك' => 'ک',
                        '\u200c' => ' ',
                        >= '۰' and <= '۹' => (char)('0' + c - '۰'),
                        _ => c,
                    }
                )
                .ToArray()
        );

    private static string Lit(string s) => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    private static string Lit(long v) => v.ToString(CultureInfo.InvariantCulture);

    private static string Lit(decimal v) => v.ToString(CultureInfo.InvariantCulture);

    private static string Lit(DateOnly d) => Lit(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    private static FilterCase Contributions(string name, string where, Func<Contribution, bool> predicate) =>
        new(name, "contributions", "externalId", where, d => d.Contributions.Where(predicate).Select(c => c.ExternalId).ToList());

    private static IEnumerable<FilterCase> Comparable<TValue>(
        string field,
        TValue value,
        Func<Contribution, TValue?> get,
        Func<TValue, string> literal,
        TValue[] inValues
    )
        where TValue : struct, IComparable<TValue>
    {
        var lit = literal(value);
        int? Cmp(Contribution c) => get(c) is { } v ? v.CompareTo(value) : null;
        yield return Contributions($"{field} eq", $"{{ {field}: {{ eq: {lit} }} }}", c => Cmp(c) == 0);
        yield return Contributions($"{field} neq", $"{{ {field}: {{ neq: {lit} }} }}", c => Cmp(c) != 0);
        yield return Contributions($"{field} gt", $"{{ {field}: {{ gt: {lit} }} }}", c => Cmp(c) > 0);
        yield return Contributions($"{field} ngt", $"{{ {field}: {{ ngt: {lit} }} }}", c => !(Cmp(c) > 0));
        yield return Contributions($"{field} gte", $"{{ {field}: {{ gte: {lit} }} }}", c => Cmp(c) >= 0);
        yield return Contributions($"{field} ngte", $"{{ {field}: {{ ngte: {lit} }} }}", c => !(Cmp(c) >= 0));
        yield return Contributions($"{field} lt", $"{{ {field}: {{ lt: {lit} }} }}", c => Cmp(c) < 0);
        yield return Contributions($"{field} nlt", $"{{ {field}: {{ nlt: {lit} }} }}", c => !(Cmp(c) < 0));
        yield return Contributions($"{field} lte", $"{{ {field}: {{ lte: {lit} }} }}", c => Cmp(c) <= 0);
        yield return Contributions($"{field} nlte", $"{{ {field}: {{ nlte: {lit} }} }}", c => !(Cmp(c) <= 0));
        var list = "[" + string.Join(", ", inValues.Select(literal)) + "]";
        yield return Contributions($"{field} in", $"{{ {field}: {{ in: {list} }} }}", c => get(c) is { } v && inValues.Contains(v));
        yield return Contributions($"{field} nin", $"{{ {field}: {{ nin: {list} }} }}", c => !(get(c) is { } v && inValues.Contains(v)));
    }

    private static IEnumerable<FilterCase> Build()
    {
        var rows = Data.Contributions;
        var amounts = rows.Select(c => c.AmountRial).Order().ToArray();
        var medianAmount = amounts[amounts.Length / 2];
        var someDate = rows[rows.Count / 3].Date;
        var countyName = Data.Counties[5].NameFa;

        // Strings, on the nullable description.
        yield return Contributions("description eq", """{ description: { eq: "پوشاک" } }""", c => c.Description == "پوشاک");
        yield return Contributions("description neq", """{ description: { neq: "پوشاک" } }""", c => c.Description != "پوشاک");
        yield return Contributions(
            "description contains",
            """{ description: { contains: "غذا" } }""",
            c => c.Description?.Contains("غذا") == true
        );
        yield return Contributions(
            "description ncontains",
            """{ description: { ncontains: "غذا" } }""",
            c => c.Description?.Contains("غذا") != true
        );
        yield return Contributions(
            "description startsWith",
            """{ description: { startsWith: "لوازم" } }""",
            c => c.Description?.StartsWith("لوازم", StringComparison.Ordinal) == true
        );
        yield return Contributions(
            "description nstartsWith",
            """{ description: { nstartsWith: "لوازم" } }""",
            c => c.Description?.StartsWith("لوازم", StringComparison.Ordinal) != true
        );
        yield return Contributions(
            "description endsWith",
            """{ description: { endsWith: "ی" } }""",
            c => c.Description?.EndsWith("ی", StringComparison.Ordinal) == true
        );
        yield return Contributions(
            "description nendsWith",
            """{ description: { nendsWith: "ی" } }""",
            c => c.Description?.EndsWith("ی", StringComparison.Ordinal) != true
        );
        yield return Contributions(
            "description in",
            """{ description: { in: ["پوشاک", "مشاوره"] } }""",
            c => c.Description is "پوشاک" or "مشاوره"
        );
        yield return Contributions(
            "description nin",
            """{ description: { nin: ["پوشاک", "مشاوره"] } }""",
            c => c.Description is not ("پوشاک" or "مشاوره")
        );
        yield return Contributions("description eq null", """{ description: { eq: null } }""", c => c.Description is null);
        yield return Contributions("description neq null", """{ description: { neq: null } }""", c => c.Description is not null);

        // Persian input as people type it.
        yield return Contributions(
            "Arabic yeh matches Persian yeh",
            """{ description: { contains: "غذايي" } }""",
            c => c.Description?.Contains("غذایی") == true
        );
        yield return Contributions(
            "Arabic kaf matches Persian kaf",
            """{ description: { contains: "و كلاس" } }""",
            c => Fold(c.Description ?? "-").Contains("و کلاس")
        );
        yield return Contributions(
            "a space matches a zero-width non-joiner",
            """{ description: { contains: "کلاس های" } }""",
            c => Fold(c.Description ?? "").Contains("کلاس های")
        );
        yield return Contributions(
            "Persian digits match ASCII digits",
            """{ externalId: { endsWith: "۰۰۷" } }""",
            c => c.ExternalId.EndsWith("007", StringComparison.Ordinal)
        );
        yield return Contributions(
            "Arabic-Indic digits in an in list",
            $$"""{ externalId: { in: ["{{rows[3].ExternalId.Replace('0', '٠')}}", "{{rows[9].ExternalId}}"] } }""",
            c => c.ExternalId == rows[3].ExternalId || c.ExternalId == rows[9].ExternalId
        );

        // Numbers and dates: every comparison operator.
        foreach (var c in Comparable("solarMonth", 6, c => c.SolarMonth, v => v.ToString(CultureInfo.InvariantCulture), [1, 7, 12]))
            yield return c;
        foreach (var c in Comparable("amountRial", medianAmount, c => c.AmountRial, Lit, [amounts[0], medianAmount, amounts[^1]]))
            yield return c;
        foreach (var c in Comparable("quantity", 50m, c => c.Quantity, Lit, [1m, 50m, 100m]))
            yield return c;
        foreach (var c in Comparable("date", someDate, c => c.Date, Lit, [someDate, rows[0].Date, rows[^1].Date]))
            yield return c;
        yield return Contributions(
            "date given as a Solar Hijri date with Persian digits",
            """{ date: { gte: "۱۴۰۴-۰۱-۰۱", lte: "1404-01-31" } }""",
            c => c.Date >= new DateOnly(2025, 3, 21) && c.Date <= new DateOnly(2025, 4, 20)
        );

        // Enums and ids.
        yield return Contributions("type eq", "{ type: { eq: VOLUNTEER_SERVICE } }", c => c.Type == ContributionType.VolunteerService);
        yield return Contributions("type neq", "{ type: { neq: CASH } }", c => c.Type != ContributionType.Cash);
        yield return Contributions(
            "intent in",
            "{ intent: { in: [LIVELIHOOD, EQUIPMENT] } }",
            c => c.Intent is Intent.Livelihood or Intent.Equipment
        );
        yield return Contributions(
            "channel nin",
            "{ channel: { nin: [COLLECTION_BASE, CHARITY_INSTITUTION] } }",
            c => c.Channel is not (Channel.CollectionBase or Channel.CharityInstitution)
        );
        yield return Contributions("quantityUnit eq null", "{ quantityUnit: { eq: null } }", c => c.QuantityUnit is null);
        yield return Contributions(
            "valuationBasis in",
            "{ valuationBasis: { in: [INVOICE, MARKET_PRICE] } }",
            c => c.ValuationBasis is ValuationBasis.Invoice or ValuationBasis.MarketPrice
        );
        yield return Contributions("id eq", """{ id: { eq: "42" } }""", c => c.ExternalId == rows[41].ExternalId);
        yield return Contributions(
            "id in",
            """{ id: { in: ["1", "100", "1000"] } }""",
            c => c.ExternalId == rows[0].ExternalId || c.ExternalId == rows[99].ExternalId || c.ExternalId == rows[999].ExternalId
        );

        // and / or, nested.
        yield return Contributions(
            "and",
            "{ and: [{ solarYear: { eq: 1403 } }, { type: { eq: IN_KIND } }] }",
            c => c.SolarYear == 1403 && c.Type == ContributionType.InKind
        );
        yield return Contributions(
            "or",
            $"{{ or: [{{ amountRial: {{ gt: {amounts[^20]} }} }}, {{ solarMonth: {{ eq: 12 }} }}] }}",
            c => c.AmountRial > amounts[^20] || c.SolarMonth == 12
        );
        yield return Contributions(
            "and inside or",
            "{ or: [{ and: [{ sector: { eq: CHARITY } }, { solarQuarter: { eq: 1 } }] }, { intent: { eq: UNRESTRICTED } }] }",
            c => (c.Sector == Sector.Charity && c.SolarQuarter == 1) || c.Intent == Intent.Unrestricted
        );
        yield return Contributions(
            "or on one field's operations",
            "{ solarMonth: { or: [{ eq: 1 }, { eq: 4 }] } }",
            c => c.SolarMonth is 1 or 4
        );
        yield return Contributions(
            "several fields mean and",
            "{ solarYear: { eq: 1404 }, sector: { eq: GOVERNMENT }, amountRial: { lt: 50000000 } }",
            c => c.SolarYear == 1404 && c.Sector == Sector.Government && c.AmountRial < 50_000_000
        );

        // Nested objects.
        yield return Contributions(
            "county code",
            $$"""{ county: { code: { eq: "{{Data.Counties[2].Code}}" } } }""",
            c => c.County.Code == Data.Counties[2].Code
        );
        yield return Contributions(
            "county province code",
            """{ county: { province: { code: { eq: "IR-23" } } } }""",
            c => c.County.Code.StartsWith("IR-23-", StringComparison.Ordinal)
        );
        yield return Contributions(
            "county province nameEn",
            """{ county: { province: { nameEn: { in: ["Fars", "Zanjan"] } } } }""",
            c => c.County.Code[..5] is "IR-07" or "IR-19"
        );
        yield return Contributions(
            "county nameFa",
            $$"""{ county: { nameFa: { eq: "{{countyName}}" } } }""",
            c => c.County.NameFa == countyName
        );
        yield return Contributions(
            "charity licence",
            """{ charity: { code: { endsWith: "-01" } } }""",
            c => c.Charity?.Code.EndsWith("-01", StringComparison.Ordinal) == true
        );
        yield return Contributions("center kind", "{ center: { kind: { eq: ELDERLY } } }", c => c.Center?.Kind == CenterKind.Elderly);
        yield return Contributions(
            "center ownership and contribution sector",
            "{ sector: { eq: GOVERNMENT }, center: { ownership: { eq: GOVERNMENT } } }",
            c => c.Sector == Sector.Government && c.Center?.Ownership == CenterOwnership.Government
        );

        // Other entities, and list fields.
        FilterCase Counties(string name, string where, Func<County, bool> p) =>
            new(name, "counties", "code", where, d => d.Counties.Where(p).Select(c => c.Code).ToList());
        FilterCase Provinces(string name, string where, Func<Province, bool> p) =>
            new(name, "provinces", "code", where, d => ProvinceReferenceData.All.Where(p).OrderBy(x => x.Id).Select(x => x.Code).ToList());
        bool HasCounties(Province p, Func<County, bool> q) => Data.Counties.Where(c => c.ProvinceId == p.Id).Any(q);

        yield return Counties(
            "centers some",
            "{ centers: { some: { kind: { eq: ELDERLY } } } }",
            c => Data.Centers.Any(x => x.County.Code == c.Code && x.Kind == CenterKind.Elderly)
        );
        yield return Counties(
            "centers all",
            "{ centers: { all: { residents: { gt: 40 } } } }",
            c => Data.Centers.Where(x => x.County.Code == c.Code).All(x => x.Residents > 40)
        );
        yield return Counties(
            "centers none",
            "{ centers: { none: { ownership: { eq: GOVERNMENT } } } }",
            c => !Data.Centers.Any(x => x.County.Code == c.Code && x.Ownership == CenterOwnership.Government)
        );
        yield return Counties(
            "charities some and totalHouseholds",
            "{ charities: { some: { code: { endsWith: \"-02\" } } }, totalHouseholds: { gt: 20000 } }",
            c =>
                Data.Charities.Any(x => x.County.Code == c.Code && x.Code.EndsWith("-02", StringComparison.Ordinal))
                && c.TotalHouseholds > 20_000
        );
        yield return Provinces("counties any true", "{ counties: { any: true } }", p => HasCounties(p, _ => true));
        yield return Provinces("counties any false", "{ counties: { any: false } }", p => !HasCounties(p, _ => true));
        yield return Provinces(
            "counties some nameEn",
            "{ counties: { some: { nameEn: { endsWith: \"County 3\" } } }, code: { neq: \"IR-07\" } }",
            p => p.Code != "IR-07" && HasCounties(p, c => c.NameEn.EndsWith("County 3", StringComparison.Ordinal))
        );
        yield return Provinces("province nameFa contains", "{ nameFa: { contains: \"خراسان\" } }", p => p.NameFa.Contains("خراسان"));

        FilterCase Households(string name, string where, Func<Household, bool> p) =>
            new(name, "households", "id", where, d => d.Households.Where(p).Select(h => h.Pseudonym).ToList());
        yield return Households(
            "households by benefit and still covered",
            "{ benefit: { eq: PENSION }, coveredUntil: { eq: null }, members: { gte: 4 } }",
            h => h.Benefit == Benefit.Pension && h.CoveredUntil is null && h.Members >= 4
        );
        yield return Households(
            "households exited for a reason",
            "{ exitReason: { in: [DECEASED, RELOCATED] }, county: { province: { code: { eq: \"IR-07\" } } } }",
            h => h.ExitReason is ExitReason.Deceased or ExitReason.Relocated && h.County.Code.StartsWith("IR-07", StringComparison.Ordinal)
        );
        yield return Households(
            "households covered since",
            "{ coveredSince: { gte: \"1403-01-01\" }, coveredUntil: { neq: null } }",
            h => h.CoveredSince >= new DateOnly(2024, 3, 20) && h.CoveredUntil is not null
        );

        yield return new FilterCase(
            "centers by kind and capacity",
            "centers",
            "code",
            "{ kind: { in: [DISABILITY, REHABILITATION] }, capacity: { lte: 150 } }",
            d =>
                d.Centers.Where(c => c.Kind is CenterKind.Disability or CenterKind.Rehabilitation && c.Capacity <= 150)
                    .Select(c => c.Code)
                    .ToList()
        );
        yield return new FilterCase(
            "charities by county province",
            "charities",
            "code",
            "{ county: { province: { code: { eq: \"IR-19\" } } }, licenceNo: { contains: \"-140\" } }",
            d =>
                d.Charities.Where(c => c.County.Code.StartsWith("IR-19", StringComparison.Ordinal) && c.LicenceNo.Contains("-140"))
                    .Select(c => c.Code)
                    .ToList()
        );
    }
}
