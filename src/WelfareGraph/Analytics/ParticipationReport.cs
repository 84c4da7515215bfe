using WelfareGraph.Geography;
using WelfareGraph.Periods;

namespace WelfareGraph.Analytics;

/// <summary>The statement a provincial office publishes, every figure summed from the fact rows.</summary>
public sealed record ParticipationReport(
    Province Province,
    ResolvedPeriod Period,
    MoneyUnit Unit,
    GovernmentTotals Government,
    decimal Charities,
    decimal Total,
    HouseholdCoverage Households,
    int CenterResidents
)
{
    public string StatementFa => StatementWriter.Persian(this);
    public string StatementEn => StatementWriter.English(this);
    public string HeadlineFa => StatementWriter.HeadlinePersian(this);
    public string HeadlineEn => StatementWriter.HeadlineEnglish(this);
}

public sealed record GovernmentTotals(decimal Cash, decimal InKind, decimal VolunteerServices, decimal Total);

/// <summary>Households covered at the end of the period (a stock, not a flow).</summary>
public sealed record HouseholdCoverage(int Covered, int AllHouseholds, int Pensioners, int OtherServices)
{
    public double? CoverageRate => AllHouseholds == 0 ? null : (double)Covered / AllHouseholds;
    public double? PensionerShare => Covered == 0 ? null : (double)Pensioners / Covered;
    public double? OtherServicesShare => Covered == 0 ? null : (double)OtherServices / Covered;
}
