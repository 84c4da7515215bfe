using WelfareGraph.Centers;
using WelfareGraph.Charities;
using WelfareGraph.Geography;
using WelfareGraph.Periods;

namespace WelfareGraph.Contributions;

/// <summary>One public contribution: the fact row every total is summed from.</summary>
public sealed class Contribution
{
    public long Id { get; set; }

    public DateOnly Date { get; private set; }

    // Stored at write time so that grouping by Solar Hijri period is a plain GROUP BY on every provider.
    public int SolarYear { get; private set; }
    public int SolarQuarter { get; private set; }
    public int SolarMonth { get; private set; }

    public ContributionType Type { get; set; }
    public Sector Sector { get; set; }
    public Intent Intent { get; set; }
    public Channel Channel { get; set; }

    /// <summary>Official accounting is in rial; 64-bit so that national sums never overflow.</summary>
    public long AmountRial { get; set; }

    public decimal? Quantity { get; set; }
    public QuantityUnit? QuantityUnit { get; set; }
    public string? Description { get; set; }
    public ValuationBasis? ValuationBasis { get; set; }

    public int CountyId { get; set; }
    public County County { get; set; } = null!;
    public int? CenterId { get; set; }
    public Center? Center { get; set; }
    public int? CharityId { get; set; }
    public Charity? Charity { get; set; }

    public required string SourceSystem { get; set; }
    public required string ExternalId { get; set; }

    /// <summary>Retracted records stay for audit but leave every total, list and export.</summary>
    public bool IsRetracted { get; set; }
    public DateTime? RetractedAt { get; set; }
    public string? RetractionReason { get; set; }

    /// <summary>Sets the date and the Solar Hijri period columns together, so they can never disagree.</summary>
    public void SetDate(DateOnly date)
    {
        var solar = SolarDate.FromGregorian(date);
        Date = date;
        SolarYear = solar.Year;
        SolarQuarter = solar.Quarter;
        SolarMonth = solar.Month;
    }
}
