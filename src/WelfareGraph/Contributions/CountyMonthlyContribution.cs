namespace WelfareGraph.Contributions;

/// <summary>
/// One cell of the county rollup: the <see cref="MonthlyContribution"/> cells of one Solar Hijri month, county and
/// type, summed over sector, intent and channel — the grain of the usual dashboard (totals by county, type and
/// month). Its size follows the counties and months, not the facts: a national question over nine months reads
/// 124 counties × 3 types × 9 months = 3,348 cells at any number of gifts. Maintained with the monthly rollup in
/// the same transaction, and read instead of it whenever the question needs nothing finer.
/// </summary>
public sealed class CountyMonthlyContribution : RollupCell;
