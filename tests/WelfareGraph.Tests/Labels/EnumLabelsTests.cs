using System.Text.Json.Nodes;
using WelfareGraph.Centers;
using WelfareGraph.Contributions;
using WelfareGraph.Households;
using WelfareGraph.Tests.Infrastructure;

namespace WelfareGraph.Tests.Labels;

/// <summary>
/// <c>enumLabels</c> against the enums themselves (their values by reflection, their API names by
/// introspection) and against Persian words written here by hand from the office's published statement.
/// </summary>
public sealed class EnumLabelsTests(SqliteDemoServer server) : IClassFixture<SqliteDemoServer>
{
    /// <summary>Every enum a person reads, listed by hand (a new one must be added here and to the label table).</summary>
    private static readonly Type[] Read =
    [
        typeof(ContributionType),
        typeof(Sector),
        typeof(Intent),
        typeof(Channel),
        typeof(QuantityUnit),
        typeof(ValuationBasis),
        typeof(Benefit),
        typeof(ExitReason),
        typeof(CenterKind),
        typeof(CenterOwnership),
    ];

    private async Task<List<(string Enum, string Value, string Label)>> LabelsAsync(string arguments)
    {
        var data = await server.Client.DataAsync($"{{ enumLabels{arguments} {{ enum value label }} }}");
        return
        [
            .. ((JsonArray)data["enumLabels"]!).Select(l =>
                (l!["enum"]!.GetValue<string>(), l["value"]!.GetValue<string>(), l["label"]!.GetValue<string>())
            ),
        ];
    }

    private async Task<List<string>> ApiValuesAsync(string enumName)
    {
        var data = await server.Client.DataAsync($"{{ __type(name: \"{enumName}\") {{ enumValues {{ name }} }} }}");
        return [.. ((JsonArray)data["__type"]!["enumValues"]!).Select(v => v!["name"]!.GetValue<string>())];
    }

    [Theory]
    [InlineData("(lang: FA)")]
    [InlineData("(lang: EN)")]
    public async Task Every_value_of_every_enum_a_person_reads_has_one_label(string arguments)
    {
        var labels = await LabelsAsync(arguments);

        Assert.Equal(
            Read.Select(t => t.Name).Order(StringComparer.Ordinal),
            labels.Select(l => l.Enum).Distinct().Order(StringComparer.Ordinal)
        );
        foreach (var type in Read)
        {
            var mine = labels.Where(l => l.Enum == type.Name).ToList();
            Assert.Equal(Enum.GetValues(type).Length, mine.Count);
            Assert.Equal(
                (await ApiValuesAsync(type.Name)).Order(StringComparer.Ordinal),
                mine.Select(l => l.Value).Order(StringComparer.Ordinal)
            );
            Assert.All(mine, l => Assert.False(string.IsNullOrWhiteSpace(l.Label)));
            // Two values of one enum never read alike.
            Assert.Equal(mine.Count, mine.Select(l => l.Label).Distinct().Count());
        }
        if (arguments.Contains("FA", StringComparison.Ordinal))
            Assert.All(labels, l => Assert.Matches("^[\u0600-\u06FF\u200C ،]+$", l.Label));
        else
            Assert.All(labels, l => Assert.Matches("^[A-Za-z ,-]+$", l.Label));
    }

    [Fact]
    public async Task Persian_is_the_default_and_its_words_are_the_offices()
    {
        var fa = await LabelsAsync("");
        Assert.Equal(await LabelsAsync("(lang: FA)"), fa);
        string Fa(string type, string value) => fa.Single(l => l.Enum == type && l.Value == value).Label;

        Assert.Equal("کمک نقدی", Fa("ContributionType", "CASH"));
        Assert.Equal("کمک غیرنقدی", Fa("ContributionType", "IN_KIND"));
        Assert.Equal("خدمات داوطلبانه", Fa("ContributionType", "VOLUNTEER_SERVICE"));
        Assert.Equal("مستمری‌بگیر", Fa("Benefit", "PENSION"));
        Assert.Equal("سایر خدمات", Fa("Benefit", "OTHER_SERVICES"));
        Assert.Equal("شیرخوارگاه", Fa("CenterKind", "INFANT_HOUSE"));
        Assert.Equal("خرید تجهیزات", Fa("Intent", "EQUIPMENT"));
        Assert.Equal("موسسات خیریه دارای مجوز", Fa("Channel", "CHARITY_INSTITUTION"));

        var en = await LabelsAsync("(lang: EN)");
        Assert.Equal("In kind", en.Single(l => l.Enum == "ContributionType" && l.Value == "IN_KIND").Label);
        // The same values in the same order in both languages.
        Assert.Equal(fa.Select(l => (l.Enum, l.Value)), en.Select(l => (l.Enum, l.Value)));
    }

    [Fact]
    public async Task An_unknown_language_is_a_precise_graphql_error()
    {
        var body = await server.Client.QueryAsync("{ enumLabels(lang: DE) { value } }");
        Assert.Null(body["data"]?["enumLabels"]);
        Assert.Contains("DE", body["errors"]![0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public void Every_enum_of_the_records_people_read_is_in_the_hand_written_list()
    {
        string[] domain = ["WelfareGraph.Centers", "WelfareGraph.Contributions", "WelfareGraph.Households"];
        var declared = typeof(ContributionType).Assembly.GetTypes().Where(t => t.IsEnum && t.IsPublic && domain.Contains(t.Namespace));
        Assert.Equal(declared.Select(t => t.Name).Order(StringComparer.Ordinal), Read.Select(t => t.Name).Order(StringComparer.Ordinal));
    }
}
