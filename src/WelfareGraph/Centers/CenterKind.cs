namespace WelfareGraph.Centers;

public enum CenterKind
{
    /// <summary>شیرخوارگاه — infants without guardians.</summary>
    InfantHouse = 1,
    ChildrenAndAdolescents = 2,
    Elderly = 3,
    Disability = 4,
    Rehabilitation = 5,
}

public enum CenterOwnership
{
    Government = 1,
    LicensedNonGovernment = 2,
}
