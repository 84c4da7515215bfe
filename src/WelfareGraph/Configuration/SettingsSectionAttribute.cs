namespace WelfareGraph.Configuration;

/// <summary>The appsettings.json section an options class is bound from, e.g. <c>[SettingsSection("Analytics")]</c>.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class SettingsSectionAttribute(string name) : Attribute
{
    /// <summary>The section's path: <c>GraphQL</c>, <c>Analytics</c>, ...</summary>
    public string Name { get; } = name;

    public static string Of(Type options) =>
        options.GetCustomAttributes(typeof(SettingsSectionAttribute), inherit: false) is [SettingsSectionAttribute section, ..]
            ? section.Name
            : throw new InvalidOperationException($"{options.Name} has no [SettingsSection]: which part of appsettings.json binds it?");
}
