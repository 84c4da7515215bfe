using System.Linq.Expressions;
using WelfareGraph.Centers;
using WelfareGraph.Contributions;
using WelfareGraph.Households;

namespace WelfareGraph.Analytics;

/// <summary>
/// Which column (or joined column) of a fact entity fills each key slot, as expressions EF translates, in the column's own type.
/// </summary>
public sealed class SlotColumns<T>
{
    private readonly Dictionary<Slot, LambdaExpression> _columns = [];
    private readonly Dictionary<Slot, Expression<Func<T, string?>>> _codes = [];

    public SlotColumns<T> Add<TColumn>(Slot slot, Expression<Func<T, TColumn>> column, Expression<Func<T, string?>>? code = null)
    {
        _columns[slot] = column;
        if (code is not null)
            _codes[slot] = code;
        return this;
    }

    public bool Has(Slot slot) => _columns.ContainsKey(slot);

    public LambdaExpression Column(Slot slot) =>
        _columns.TryGetValue(slot, out var column) ? column : throw new ArgumentException($"{typeof(T).Name} has no {slot} column.");

    public Expression<Func<T, string?>> Code(Slot slot) =>
        _codes.TryGetValue(slot, out var code) ? code : throw new ArgumentException($"{typeof(T).Name} has no {slot} code.");
}

public static class FactColumns
{
    public static readonly SlotColumns<Contribution> Contributions = new SlotColumns<Contribution>()
        .Add(Slot.Province, c => c.County.ProvinceId, c => c.County.Province.Code)
        .Add(Slot.County, c => c.CountyId, c => c.County.Code)
        .Add(Slot.Type, c => c.Type)
        .Add(Slot.Sector, c => c.Sector)
        .Add(Slot.Intent, c => c.Intent)
        .Add(Slot.Channel, c => c.Channel)
        .Add(Slot.Center, c => c.CenterId, c => c.Center!.Code)
        .Add(Slot.Charity, c => c.CharityId, c => c.Charity!.Code)
        .Add(Slot.Year, c => c.SolarYear)
        .Add(Slot.Quarter, c => c.SolarQuarter)
        .Add(Slot.Month, c => c.SolarMonth);

    /// <summary>The county rollup's cells carry the period, the place and the type.</summary>
    public static readonly SlotColumns<CountyMonthlyContribution> CountyMonthlyContributions = Cells<CountyMonthlyContribution>();

    /// <summary>The monthly rollup's cells carry every contribution slot but centre and charity.</summary>
    public static readonly SlotColumns<MonthlyContribution> MonthlyContributions = Cells<MonthlyContribution>()
        .Add(Slot.Sector, m => m.Sector)
        .Add(Slot.Intent, m => m.Intent)
        .Add(Slot.Channel, m => m.Channel);

    public static readonly SlotColumns<Household> Households = new SlotColumns<Household>()
        .Add(Slot.Province, h => h.County.ProvinceId, h => h.County.Province.Code)
        .Add(Slot.County, h => h.CountyId, h => h.County.Code)
        .Add(Slot.Benefit, h => h.Benefit);

    public static readonly SlotColumns<Center> Centers = new SlotColumns<Center>()
        .Add(Slot.Province, c => c.County.ProvinceId, c => c.County.Province.Code)
        .Add(Slot.County, c => c.CountyId, c => c.County.Code)
        .Add(Slot.Kind, c => c.Kind)
        .Add(Slot.Ownership, c => c.Ownership);

    /// <summary>The slots every rollup's cells carry.</summary>
    private static SlotColumns<TCell> Cells<TCell>()
        where TCell : RollupCell =>
        new SlotColumns<TCell>()
            .Add(Slot.Province, m => m.County.ProvinceId, m => m.County.Province.Code)
            .Add(Slot.County, m => m.CountyId, m => m.County.Code)
            .Add(Slot.Type, m => m.Type)
            .Add(Slot.Year, m => m.SolarYear)
            .Add(Slot.Quarter, m => m.SolarQuarter)
            .Add(Slot.Month, m => m.SolarMonth);
}
