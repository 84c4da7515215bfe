using WelfareGraph.Contributions;

namespace WelfareGraph.Ingestion;

/// <summary>
/// One contribution as a sender gives it: the API gives its typed input as it is, the bulk importer gives the text
/// it reads from CSV or JSON, and both go through the same validation.
/// </summary>
public sealed record ContributionRecord
{
    public string? ExternalId { get; init; }
    public string? Date { get; init; }
    public string? CountyCode { get; init; }
    public SentValue<ContributionType> Type { get; init; }
    public SentValue<Sector> Sector { get; init; }
    public SentValue<Intent> Intent { get; init; }
    public SentValue<Channel> Channel { get; init; }
    public SentValue<long> AmountRial { get; init; }
    public string? CenterCode { get; init; }
    public string? CharityCode { get; init; }
    public SentValue<decimal> Quantity { get; init; }
    public SentValue<QuantityUnit> QuantityUnit { get; init; }
    public string? Description { get; init; }
    public SentValue<ValuationBasis> ValuationBasis { get; init; }

    /// <summary>A record from any source that can give a field's text by its API name (<c>externalId</c>, <c>amountRial</c>...).</summary>
    public static ContributionRecord From(Func<string, string?> field) =>
        new()
        {
            ExternalId = field("externalId"),
            Date = field("date"),
            CountyCode = field("countyCode"),
            Type = field("type"),
            Sector = field("sector"),
            Intent = field("intent"),
            Channel = field("channel"),
            AmountRial = field("amountRial"),
            CenterCode = field("centerCode"),
            CharityCode = field("charityCode"),
            Quantity = field("quantity"),
            QuantityUnit = field("quantityUnit"),
            Description = field("description"),
            ValuationBasis = field("valuationBasis"),
        };
}
