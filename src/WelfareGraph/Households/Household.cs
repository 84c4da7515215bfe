using WelfareGraph.Geography;

namespace WelfareGraph.Households;

/// <summary>
/// A household covered by the organisation. Deliberately holds no names and no national ids:
/// <see cref="Pseudonym"/> is a keyed hash of whatever id the national system sent.
/// </summary>
public sealed class Household
{
    public long Id { get; set; }

    /// <summary>HMAC of the national household id (hex); stable across resends, irreversible without the key.</summary>
    public required string Pseudonym { get; set; }

    public int CountyId { get; set; }
    public County County { get; set; } = null!;

    public Benefit Benefit { get; set; }
    public DateOnly CoveredSince { get; set; }
    public DateOnly? CoveredUntil { get; set; }
    public ExitReason? ExitReason { get; set; }
    public int Members { get; set; }

    public required string SourceSystem { get; set; }
}

public enum Benefit
{
    /// <summary>Receives a monthly pension (مستمری).</summary>
    Pension = 1,

    /// <summary>Receives other services only (سایر خدمات).</summary>
    OtherServices = 2,
}

public enum ExitReason
{
    /// <summary>The household became self-sufficient (توانمندسازی).</summary>
    Empowered = 1,
    Deceased = 2,
    Relocated = 3,
    NoLongerEligible = 4,
    Other = 5,
}
