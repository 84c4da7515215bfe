namespace WelfareGraph.Contributions;

public enum ContributionType
{
    /// <summary>کمک نقدی</summary>
    Cash = 1,

    /// <summary>کمک غیرنقدی — goods, valued in rial.</summary>
    InKind = 2,

    /// <summary>خدمات داوطلبانه — hours of service, valued in rial.</summary>
    VolunteerService = 3,
}

/// <summary>Who attracted the contribution: the organisation itself, or a licensed charity.</summary>
public enum Sector
{
    Government = 1,
    Charity = 2,
}

/// <summary>What the donor asked the gift to be spent on (نیت خیرین).</summary>
public enum Intent
{
    EducationCultureSport = 1,
    Livelihood = 2,
    FacilityConstruction = 3,
    Equipment = 4,
    Unrestricted = 5,
}

public enum Channel
{
    /// <summary>Permanent public-donation collection base (پایگاه دائمی جمع‌آوری کمک‌های مردمی).</summary>
    CollectionBase = 1,

    /// <summary>A designated bank account, such as the Zanjan infant house's.</summary>
    BankAccount = 2,
    CharityInstitution = 3,

    /// <summary>Handed in at a care centre.</summary>
    CenterDirect = 4,
    Online = 5,
}

public enum QuantityUnit
{
    Hour = 1,
    Item = 2,
    Kilogram = 3,
}

/// <summary>How a non-cash contribution was turned into a rial amount.</summary>
public enum ValuationBasis
{
    FaceValue = 1,
    Invoice = 2,
    MarketPrice = 3,
    DonorDeclared = 4,
    StandardHourlyRate = 5,
}
