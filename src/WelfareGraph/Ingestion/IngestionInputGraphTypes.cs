using GraphQL.Types;
using WelfareGraph.Centers;
using WelfareGraph.Contributions;
using WelfareGraph.Households;

namespace WelfareGraph.Ingestion;

public sealed class ContributionInputGraphType : InputObjectGraphType
{
    public ContributionInputGraphType()
    {
        Name = "ContributionInput";
        Description = "One contribution from a national or provincial system, keyed by (sourceSystem, externalId).";
        Field<NonNullGraphType<StringGraphType>>("externalId").Description("The sender's own id of the record.");
        Field<NonNullGraphType<StringGraphType>>("date").Description("Year 1300–1599: Solar Hijri (1404-05-10); 1900–2199: Gregorian (2025-07-31). Persian digits accepted.");
        Field<NonNullGraphType<StringGraphType>>("countyCode");
        Field<NonNullGraphType<EnumerationGraphType<ContributionType>>>("type");
        Field<NonNullGraphType<EnumerationGraphType<Sector>>>("sector");
        Field<EnumerationGraphType<Intent>>("intent").Description("Default UNRESTRICTED.");
        Field<NonNullGraphType<EnumerationGraphType<Channel>>>("channel");
        Field<NonNullGraphType<LongGraphType>>("amountRial").Description("Positive, in rial.");
        Field<StringGraphType>("centerCode");
        Field<StringGraphType>("charityCode");
        Field<DecimalGraphType>("quantity");
        Field<EnumerationGraphType<QuantityUnit>>("quantityUnit");
        Field<StringGraphType>("description");
        Field<EnumerationGraphType<ValuationBasis>>("valuationBasis");
    }

    /// <summary>The typed input as it is: enums, amounts and quantities are not turned back into text.</summary>
    public static ContributionRecord ToRecord(IDictionary<string, object?> item) => new()
    {
        ExternalId = Text(item, "externalId"), Date = Text(item, "date"), CountyCode = Text(item, "countyCode"),
        Type = Typed<ContributionType>(item, "type"), Sector = Typed<Sector>(item, "sector"), Intent = Typed<Intent>(item, "intent"),
        Channel = Typed<Channel>(item, "channel"), AmountRial = Typed<long>(item, "amountRial"), CenterCode = Text(item, "centerCode"),
        CharityCode = Text(item, "charityCode"), Quantity = Typed<decimal>(item, "quantity"), QuantityUnit = Typed<QuantityUnit>(item, "quantityUnit"),
        Description = Text(item, "description"), ValuationBasis = Typed<ValuationBasis>(item, "valuationBasis"),
    };

    /// <summary>A field of the parsed input object, in the CLR type its graph type gives; null when absent.</summary>
    internal static T? Typed<T>(IDictionary<string, object?> item, string key) where T : struct =>
        item.TryGetValue(key, out var value) && value is T typed ? typed : null;

    internal static string? Text(IDictionary<string, object?> item, string key) => item.TryGetValue(key, out var value) ? value as string : null;
}

public sealed class HouseholdInputGraphType : InputObjectGraphType
{
    public HouseholdInputGraphType()
    {
        Name = "HouseholdInput";
        Description = "A covered household. nationalId is replaced by a keyed hash before anything is stored or logged.";
        Field<NonNullGraphType<StringGraphType>>("nationalId");
        Field<NonNullGraphType<StringGraphType>>("countyCode");
        Field<NonNullGraphType<EnumerationGraphType<Benefit>>>("benefit");
        Field<NonNullGraphType<StringGraphType>>("coveredSince").Description("Solar Hijri or Gregorian date.");
        Field<StringGraphType>("coveredUntil").Description("Last day of coverage, if it ended.");
        Field<EnumerationGraphType<ExitReason>>("exitReason");
        Field<NonNullGraphType<IntGraphType>>("members");
    }

    public static HouseholdRecord ToRecord(IDictionary<string, object?> item) => new()
    {
        NationalId = ContributionInputGraphType.Text(item, "nationalId"), CountyCode = ContributionInputGraphType.Text(item, "countyCode"),
        Benefit = ContributionInputGraphType.Typed<Benefit>(item, "benefit"), CoveredSince = ContributionInputGraphType.Text(item, "coveredSince"),
        CoveredUntil = ContributionInputGraphType.Text(item, "coveredUntil"),
        ExitReason = ContributionInputGraphType.Typed<ExitReason>(item, "exitReason"),
        Members = ContributionInputGraphType.Typed<int>(item, "members"),
    };
}

public sealed class BatchInputGraphType<TItem> : InputObjectGraphType where TItem : IInputObjectGraphType
{
    public BatchInputGraphType()
    {
        Name = "Upsert" + typeof(TItem).Name.Replace("InputGraphType", "") + "sInput";
        Field<NonNullGraphType<StringGraphType>>("sourceSystem").Description("The sending system; with each item's key it identifies a record.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TItem>>>>("items");
        Field<BooleanGraphType>("atomic").DefaultValue(true).Description("true: all or nothing; false: write the valid items, report the rest.");
        Field<BooleanGraphType>("dryRun").DefaultValue(false).Description("Validate and count without writing.");
    }
}

public sealed class ProvinceInputGraphType : InputObjectGraphType<ProvinceRecord>
{
    public ProvinceInputGraphType()
    {
        Name = "ProvinceInput";
        Field(p => p.Code);
        Field(p => p.NameFa);
        Field(p => p.NameEn);
    }
}

public sealed class CountyInputGraphType : InputObjectGraphType<CountyRecord>
{
    public CountyInputGraphType()
    {
        Name = "CountyInput";
        Field(c => c.Code).Description("Province code and county number, e.g. IR-23-04.");
        Field(c => c.NameFa);
        Field(c => c.NameEn);
        Field(c => c.ProvinceCode);
        Field(c => c.TotalHouseholds).Description("All households in the county, for coverage rates.");
    }
}

public sealed class CenterInputGraphType : InputObjectGraphType<CenterRecord>
{
    public CenterInputGraphType()
    {
        Name = "CenterInput";
        Field(c => c.Code);
        Field(c => c.Name);
        Field(c => c.NameEn, nullable: true);
        Field(c => c.CountyCode);
        Field<NonNullGraphType<EnumerationGraphType<CenterKind>>>("kind");
        Field<NonNullGraphType<EnumerationGraphType<CenterOwnership>>>("ownership");
        Field(c => c.Capacity);
        Field(c => c.Residents);
    }
}

public sealed class CharityInputGraphType : InputObjectGraphType<CharityRecord>
{
    public CharityInputGraphType()
    {
        Name = "CharityInput";
        Field(c => c.Code);
        Field(c => c.Name);
        Field(c => c.NameEn, nullable: true);
        Field(c => c.CountyCode);
        Field(c => c.LicenceNo);
    }
}
