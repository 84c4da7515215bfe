namespace WelfareGraph.Ingestion;

/// <summary>
/// One contribution as a sender gives it, all text: the API maps its typed input to this, the bulk importer
/// reads it from CSV or JSON, and both go through the same validation.
/// </summary>
public sealed record ContributionRecord
{
    public string? ExternalId { get; init; }
    public string? Date { get; init; }
    public string? CountyCode { get; init; }
    public string? Type { get; init; }
    public string? Sector { get; init; }
    public string? Intent { get; init; }
    public string? Channel { get; init; }
    public string? AmountRial { get; init; }
    public string? CenterCode { get; init; }
    public string? CharityCode { get; init; }
    public string? Quantity { get; init; }
    public string? QuantityUnit { get; init; }
    public string? Description { get; init; }
    public string? ValuationBasis { get; init; }

    /// <summary>A record from any source that can give a field's text by its API name (<c>externalId</c>, <c>amountRial</c>...).</summary>
    public static ContributionRecord From(Func<string, string?> field) => new()
    {
        ExternalId = field("externalId"), Date = field("date"), CountyCode = field("countyCode"), Type = field("type"), Sector = field("sector"),
        Intent = field("intent"), Channel = field("channel"), AmountRial = field("amountRial"), CenterCode = field("centerCode"),
        CharityCode = field("charityCode"), Quantity = field("quantity"), QuantityUnit = field("quantityUnit"), Description = field("description"),
        ValuationBasis = field("valuationBasis"),
    };
}
