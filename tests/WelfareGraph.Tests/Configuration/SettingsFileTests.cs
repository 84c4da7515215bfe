using System.Collections;
using System.Reflection;
using System.Text.Json.Nodes;
using WelfareGraph.Configuration;
using WelfareGraph.Tests.Infrastructure;

namespace WelfareGraph.Tests.Configuration;

/// <summary>
/// appsettings.json against the options classes, read by reflection and the JSON parser alone (not the
/// configuration binder): the file names every key the server reads, with its default, and each key of a
/// section is read by one class.
/// </summary>
public sealed class SettingsFileTests
{
    private static readonly Assembly Server = typeof(WelfareGraphExtensions).Assembly;

    private static readonly JsonObject File = JsonNode
        .Parse(System.IO.File.ReadAllText(Path.Combine(RepositoryPaths.Root, "appsettings.json")))!
        .AsObject();

    private static IEnumerable<(Type Type, string Section)> SettingsClasses() =>
        Server
            .GetTypes()
            .Select(t => (Type: t, Attribute: t.GetCustomAttribute<SettingsSectionAttribute>()))
            .Where(t => t.Attribute is not null)
            .Select(t => (t.Type, t.Attribute!.Name));

    private static IEnumerable<PropertyInfo> Keys(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true });

    private static bool IsSubSection(Type type) => type.IsClass && type != typeof(string) && !typeof(IEnumerable).IsAssignableFrom(type);

    [Fact]
    public void The_settings_classes_are_the_ones_the_server_binds()
    {
        Assert.Equal(
            [
                "AnalyticsOptions Analytics",
                "AnswerCacheOptions Cache",
                "DatabaseOptions Database",
                "ExportOptions Exports",
                "FairShareOptions GraphQL",
                "GraphQLLimits GraphQL",
                "IngestionOptions Ingestion",
                "PagingOptions GraphQL",
                "QueryLimitOptions GraphQL",
                "StatementPageOptions Statements",
                "TelemetryOptions OpenTelemetry",
            ],
            SettingsClasses().Select(s => $"{s.Type.Name} {s.Section}").Order(StringComparer.Ordinal)
        );
    }

    [Fact]
    public void Every_options_class_of_the_server_is_bound_from_a_section_or_is_part_of_one()
    {
        var bound = SettingsClasses().Select(s => s.Type).ToList();
        var parts = bound.SelectMany(Keys).Select(p => p.PropertyType).Where(IsSubSection).ToList();
        foreach (
            var type in Server
                .GetTypes()
                .Where(t =>
                    t.IsPublic
                    && (t.Name.EndsWith("Options", StringComparison.Ordinal) || t.Name.EndsWith("Limits", StringComparison.Ordinal))
                    && t.GetConstructor(Type.EmptyTypes) is not null
                    && Keys(t).Any()
                )
        )
            Assert.True(bound.Contains(type) || parts.Contains(type), $"{type.FullName} has keys but no [SettingsSection] binds it.");
    }

    [Fact]
    public void Every_key_of_every_settings_class_is_in_appsettings_json_with_its_default()
    {
        var missing = new List<string>();
        var differing = new List<string>();
        foreach (var (type, section) in SettingsClasses())
            Compare(section, Activator.CreateInstance(type)!, File[section] as JsonObject, missing, differing);
        Assert.Empty(missing);
        Assert.Empty(differing);
    }

    [Fact]
    public void Each_key_of_a_section_is_read_by_one_class()
    {
        foreach (var section in SettingsClasses().GroupBy(s => s.Section))
        {
            var owners = section
                .SelectMany(s => Keys(s.Type).Select(p => (Key: p.Name, Owner: s.Type.Name)))
                .GroupBy(k => k.Key, StringComparer.OrdinalIgnoreCase)
                .Where(g => g.Count() > 1)
                .Select(g => $"{section.Key}:{g.Key} is read by {string.Join(" and ", g.Select(k => k.Owner))}");
            Assert.Empty(owners);
        }
    }

    private static void Compare(string path, object defaults, JsonObject? json, List<string> missing, List<string> differing)
    {
        foreach (var property in Keys(defaults.GetType()))
        {
            var key = path + ":" + property.Name;
            var value = property.GetValue(defaults);
            if (json is null || !json.TryGetPropertyValue(property.Name, out var node))
            {
                missing.Add(key);
                continue;
            }
            if (IsSubSection(property.PropertyType))
                Compare(key, value!, node as JsonObject, missing, differing);
            else if (Written(value) != Written(node))
                differing.Add($"{key}: the class says {Written(value)}, appsettings.json {Written(node)}");
        }
    }

    /// <summary>A default as appsettings.json spells it: numbers and booleans as JSON, durations and enums as strings.</summary>
    private static string Written(object? value) =>
        value switch
        {
            null => "null",
            JsonNode node => node.ToJsonString(),
            bool flag => flag ? "true" : "false",
            int number => number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            TimeSpan duration => $"\"{duration:c}\"",
            Enum named => $"\"{named}\"",
            string text => JsonValue.Create(text).ToJsonString(),
            IEnumerable items => new JsonArray(
                items.Cast<object?>().Select(i => (JsonNode?)JsonValue.Create(i?.ToString())).ToArray()
            ).ToJsonString(),
            _ => value.ToString() ?? "",
        };
}
