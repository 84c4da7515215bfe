namespace WelfareGraph.Contributions;

/// <summary>
/// One cell of the monthly rollup: the contributions of one Solar Hijri month, county, type, sector, intent and
/// channel that are not retracted, summed. Maintained in the transaction of every write that changes them, so a
/// cell always equals the facts it stands for; the totals engine reads cells instead of facts whenever the
/// question needs nothing finer. Centres and charities are not carried: with them a cell holds one or two fact
/// rows and the rollup stops being smaller than the facts.
/// </summary>
public sealed class MonthlyContribution : RollupCell
{
    public Sector Sector { get; set; }
    public Intent Intent { get; set; }
    public Channel Channel { get; set; }
}
