using GraphQL.Types;
using WelfareGraph.Contributions;

namespace WelfareGraph.Ingestion;

public sealed class ContributionInputGraphType : InputObjectGraphType
{
    public ContributionInputGraphType()
    {
        Name = "ContributionInput";
        Description = "One contribution from a national or provincial system, keyed by (sourceSystem, externalId).";
        Field<NonNullGraphType<StringGraphType>>("externalId").Description("The sender's own id of the record.");
        Field<NonNullGraphType<StringGraphType>>("date")
            .Description("Year 1300–1599: Solar Hijri (1404-05-10); 1900–2199: Gregorian (2025-07-31). Persian digits accepted.");
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
    public static ContributionRecord ToRecord(IDictionary<string, object?> item) =>
        new()
        {
            ExternalId = InputFields.Text(item, "externalId"),
            Date = InputFields.Text(item, "date"),
            CountyCode = InputFields.Text(item, "countyCode"),
            Type = InputFields.Typed<ContributionType>(item, "type"),
            Sector = InputFields.Typed<Sector>(item, "sector"),
            Intent = InputFields.Typed<Intent>(item, "intent"),
            Channel = InputFields.Typed<Channel>(item, "channel"),
            AmountRial = InputFields.Typed<long>(item, "amountRial"),
            CenterCode = InputFields.Text(item, "centerCode"),
            CharityCode = InputFields.Text(item, "charityCode"),
            Quantity = InputFields.Typed<decimal>(item, "quantity"),
            QuantityUnit = InputFields.Typed<QuantityUnit>(item, "quantityUnit"),
            Description = InputFields.Text(item, "description"),
            ValuationBasis = InputFields.Typed<ValuationBasis>(item, "valuationBasis"),
        };
}
