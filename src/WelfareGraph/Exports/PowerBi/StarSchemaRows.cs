using System.ComponentModel.DataAnnotations;

namespace WelfareGraph.Exports.PowerBi;

// The star schema of the Power BI model and the OData feed: one fact of contributions, one of household
// counts, and dimensions. Key columns carry the same name in the fact and in its dimension (CountyCode,
// Type, Date, ...) so that Power BI detects the relationships by itself.

/// <summary>A contribution: keys and measures only (amounts in rial); names live in the dimensions.</summary>
public sealed class ContributionFact
{
    [Key]
    public long Id { get; set; }
    public DateOnly Date { get; set; }
    public int SolarYear { get; set; }
    public int SolarQuarter { get; set; }
    public int SolarMonth { get; set; }
    public string Type { get; set; } = "";
    public string Sector { get; set; } = "";
    public string Intent { get; set; } = "";
    public string Channel { get; set; } = "";
    public long AmountRial { get; set; }
    public decimal? Quantity { get; set; }
    public string? QuantityUnit { get; set; }
    public string? ValuationBasis { get; set; }
    public string ProvinceCode { get; set; } = "";
    public string CountyCode { get; set; } = "";
    public string? CenterCode { get; set; }
    public string? CharityCode { get; set; }
}

/// <summary>
/// A cell of the monthly rollup: the contributions of one Solar Hijri month, county, type, sector, intent and channel,
/// summed — for month-level visuals in Import mode, a small fraction of the contributions' rows.
/// </summary>
public sealed class MonthlyContributionFact
{
    /// <summary><c>IR-19-01/1404/7/1/2/2/5</c> (county, year, month, then the enums' numbers): OData needs a key.</summary>
    [Key]
    public string Key { get; set; } = "";
    public int SolarYear { get; set; }
    public int SolarQuarter { get; set; }
    public int SolarMonth { get; set; }
    public string Type { get; set; } = "";
    public string Sector { get; set; } = "";
    public string Intent { get; set; } = "";
    public string Channel { get; set; } = "";
    public string ProvinceCode { get; set; } = "";
    public string CountyCode { get; set; } = "";
    public long SumRial { get; set; }
    public long Contributions { get; set; }
    public long MinRial { get; set; }
    public long MaxRial { get; set; }
}

/// <summary>Covered households of a county and benefit at the end of a Solar Hijri month; null when suppressed (below k).</summary>
public sealed class HouseholdCount
{
    /// <summary><c>IR-19-01/PENSION/1404-07</c>: OData needs a key, and this one reads.</summary>
    [Key]
    public string Key { get; set; } = "";
    public string ProvinceCode { get; set; } = "";
    public string CountyCode { get; set; } = "";
    public string Benefit { get; set; } = "";
    public int SolarYear { get; set; }
    public int SolarMonth { get; set; }

    /// <summary>The day counted on: the month's last day (or today, for the current month).</summary>
    public DateOnly Date { get; set; }
    public int? Households { get; set; }
    public bool Suppressed { get; set; }
}

/// <summary>A household, pseudonymous: in the model only for Auditor and Admin.</summary>
public sealed class HouseholdRow
{
    [Key]
    public string HouseholdId { get; set; } = "";
    public string ProvinceCode { get; set; } = "";
    public string CountyCode { get; set; } = "";
    public string Benefit { get; set; } = "";
    public DateOnly CoveredSince { get; set; }
    public DateOnly? CoveredUntil { get; set; }
    public string? ExitReason { get; set; }
    public int Members { get; set; }
}

public sealed class ProvinceDim
{
    [Key]
    public string ProvinceCode { get; set; } = "";
    public string NameFa { get; set; } = "";
    public string NameEn { get; set; } = "";
}

public sealed class CountyDim
{
    [Key]
    public string CountyCode { get; set; } = "";
    public string NameFa { get; set; } = "";
    public string NameEn { get; set; } = "";
    public string ProvinceCode { get; set; } = "";

    /// <summary>All households of the county, covered or not: the denominator of coverage rates.</summary>
    public int TotalHouseholds { get; set; }
}

public sealed class CenterDim
{
    [Key]
    public string CenterCode { get; set; } = "";
    public string Name { get; set; } = "";
    public string? NameEn { get; set; }
    public string Kind { get; set; } = "";
    public string Ownership { get; set; } = "";
    public int Capacity { get; set; }
    public int Residents { get; set; }
    public string CountyCode { get; set; } = "";
}

public sealed class CharityDim
{
    [Key]
    public string CharityCode { get; set; } = "";
    public string Name { get; set; } = "";
    public string? NameEn { get; set; }
    public string LicenceNo { get; set; } = "";
    public string CountyCode { get; set; } = "";
}

public sealed class ContributionTypeDim : ICodeDim
{
    [Key]
    public string Type { get; set; } = "";
    public string NameFa { get; set; } = "";
    public string NameEn { get; set; } = "";
    public int SortOrder { get; set; }
}

public sealed class SectorDim : ICodeDim
{
    [Key]
    public string Sector { get; set; } = "";
    public string NameFa { get; set; } = "";
    public string NameEn { get; set; } = "";
    public int SortOrder { get; set; }
}

public sealed class IntentDim : ICodeDim
{
    [Key]
    public string Intent { get; set; } = "";
    public string NameFa { get; set; } = "";
    public string NameEn { get; set; } = "";
    public int SortOrder { get; set; }
}

public sealed class ChannelDim : ICodeDim
{
    [Key]
    public string Channel { get; set; } = "";
    public string NameFa { get; set; } = "";
    public string NameEn { get; set; } = "";
    public int SortOrder { get; set; }
}

public sealed class BenefitDim : ICodeDim
{
    [Key]
    public string Benefit { get; set; } = "";
    public string NameFa { get; set; } = "";
    public string NameEn { get; set; } = "";
    public int SortOrder { get; set; }
}

/// <summary>A day of the Solar Hijri date table; weeks start on Saturday.</summary>
public sealed class DateDim
{
    [Key]
    public DateOnly Date { get; set; }

    /// <summary><c>1404-07-15</c></summary>
    public string SolarDate { get; set; } = "";
    public int SolarYear { get; set; }
    public int SolarQuarter { get; set; }
    public string QuarterNameFa { get; set; } = "";
    public string QuarterNameEn { get; set; } = "";
    public int SolarMonth { get; set; }
    public string MonthNameFa { get; set; } = "";
    public string MonthNameEn { get; set; } = "";

    /// <summary><c>1404-07</c>: sorts and groups months across years.</summary>
    public string SolarYearMonth { get; set; } = "";
    public int SolarDay { get; set; }

    /// <summary>1 Saturday … 7 Friday.</summary>
    public int DayOfWeek { get; set; }
    public string DayNameFa { get; set; } = "";
    public string DayNameEn { get; set; } = "";

    /// <summary>The Saturday that starts the day's week.</summary>
    public DateOnly WeekStart { get; set; }

    /// <summary>Week of the Solar Hijri year: week 1 holds 1 Farvardin, weeks start on Saturday.</summary>
    public int SolarWeekOfYear { get; set; }
    public int GregorianYear { get; set; }
    public int GregorianMonth { get; set; }
}
