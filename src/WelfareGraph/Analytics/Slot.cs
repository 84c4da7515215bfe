using System.Linq.Expressions;
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
    private static readonly Dictionary<Slot, PropertyInfo> Properties = Enum.GetValues<Slot>()
        .ToDictionary(s => s, s => typeof(GroupKey).GetProperty(s.ToString())!);

    private static readonly Dictionary<Slot, PropertyInfo> Codes = new()
    {
        [Slot.Province] = typeof(GroupKey).GetProperty(nameof(GroupKey.ProvinceCode))!,
        [Slot.County] = typeof(GroupKey).GetProperty(nameof(GroupKey.CountyCode))!,
        [Slot.Center] = typeof(GroupKey).GetProperty(nameof(GroupKey.CenterCode))!,
        [Slot.Charity] = typeof(GroupKey).GetProperty(nameof(GroupKey.CharityCode))!,
    };

    // Compiled once: slot values are read per group when sorting, matching and rolling up.
    private static readonly Dictionary<Slot, Func<GroupKey, int?>> Getters = Properties.ToDictionary(p => p.Key, p => Getter(p.Value));

    public static PropertyInfo Property(Slot slot) => Properties[slot];

    /// <summary>The code member of an entity slot (province, county, centre, charity); null for the others.</summary>
    public static PropertyInfo? CodeOf(Slot slot) => Codes.GetValueOrDefault(slot);

    /// <summary>A slot's value as a number (enums by their value).</summary>
    public static int? Get(GroupKey key, Slot slot) => Getters[slot](key);

    private static Func<GroupKey, int?> Getter(PropertyInfo property)
    {
        var key = Expression.Parameter(typeof(GroupKey), "key");
        return Expression.Lambda<Func<GroupKey, int?>>(Expression.Convert(Expression.Property(key, property), typeof(int?)), key).Compile();
    }

    public static void Set(GroupKey key, Slot slot, int? value)
    {
        var property = Properties[slot];
        var type = Nullable.GetUnderlyingType(property.PropertyType)!;
        property.SetValue(
            key,
            value is null ? null
                : type.IsEnum ? Enum.ToObject(type, value.Value)
                : value.Value
        );
    }

    /// <summary>Slots whose column can be null in the data (contributions without a centre or a charity).</summary>
    public static bool IsOptional(Slot slot) => slot is Slot.Center or Slot.Charity;

    /// <summary>The slots' values as one comparable tuple-like string key, for matching rows of two queries.</summary>
    public static string Signature(GroupKey key, IEnumerable<Slot> slots) =>
        string.Join('|', slots.Select(s => Get(key, s)?.ToString() ?? "-"));
}
