using System.Reflection;

namespace WelfareGraph.Analytics;

/// <summary>A key column of <see cref="GroupKey"/>; analytics dimensions are made of one or two of them.</summary>
public enum Slot
{
    Province,
    County,
    Type,
    Sector,
    Intent,
    Channel,
    Center,
    Charity,
    Year,
    Quarter,
    Month,
    Benefit,
    Kind,
    Ownership,
}

public static class Slots
{
    private static readonly Dictionary<Slot, PropertyInfo> Properties =
        Enum.GetValues<Slot>().ToDictionary(s => s, s => typeof(GroupKey).GetProperty(s.ToString())!);

    private static readonly Dictionary<Slot, PropertyInfo> Codes = new()
    {
        [Slot.Province] = typeof(GroupKey).GetProperty(nameof(GroupKey.ProvinceCode))!,
        [Slot.County] = typeof(GroupKey).GetProperty(nameof(GroupKey.CountyCode))!,
        [Slot.Center] = typeof(GroupKey).GetProperty(nameof(GroupKey.CenterCode))!,
        [Slot.Charity] = typeof(GroupKey).GetProperty(nameof(GroupKey.CharityCode))!,
    };

    public static PropertyInfo Property(Slot slot) => Properties[slot];

    /// <summary>The code member of an entity slot (province, county, centre, charity); null for the others.</summary>
    public static PropertyInfo? CodeOf(Slot slot) => Codes.GetValueOrDefault(slot);

    /// <summary>A slot's value as a number (enums by their value).</summary>
    public static int? Get(GroupKey key, Slot slot) => Properties[slot].GetValue(key) is { } value ? Convert.ToInt32(value) : null;

    public static void Set(GroupKey key, Slot slot, int? value)
    {
        var property = Properties[slot];
        var type = Nullable.GetUnderlyingType(property.PropertyType)!;
        property.SetValue(key, value is null ? null : type.IsEnum ? Enum.ToObject(type, value.Value) : value.Value);
    }

    /// <summary>Slots whose column can be null in the data (contributions without a centre or a charity).</summary>
    public static bool IsOptional(Slot slot) => slot is Slot.Center or Slot.Charity;

    /// <summary>The slots' values as one comparable tuple-like string key, for matching rows of two queries.</summary>
    public static string Signature(GroupKey key, IEnumerable<Slot> slots) => string.Join('|', slots.Select(s => Get(key, s)?.ToString() ?? "-"));
}
