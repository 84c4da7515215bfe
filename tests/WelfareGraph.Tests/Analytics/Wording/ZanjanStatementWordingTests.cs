using WelfareGraph.Tests.Infrastructure;

namespace WelfareGraph.Tests.Analytics.Wording;

/// <summary>
/// The published Zanjan statement (1404, months 1–9) regenerated from the demo data through GraphQL, in the
/// office's idiom: every figure phrase below is the published one as the office wrote it. The wording does not
/// depend on the database, so SQLite alone is enough here; the figures themselves are checked on both providers
/// by <see cref="ParticipationReportTests"/>.
/// </summary>
public sealed class ZanjanStatementWordingTests : IClassFixture<SqliteDemoServer>
{
    private const string Query = """
        { participationReport(province: "IR-19", period: { year: 1404, fromMonth: 1, toMonth: 9 }) {
            total centerResidents headlineFa headlineEn statementFa statementEn } }
        """;

    private readonly GraphQLClient _client;

    public ZanjanStatementWordingTests(SqliteDemoServer server) => _client = server.Client;

    [Fact]
    public async Task The_Persian_headline_is_the_published_title_for_the_province_and_period()
    {
        var report = await ReportAsync();
        Assert.Equal(
            "مجموع کمک‌های نقدی، غیرنقدی و خدماتی مردم و موسسات خیریه برای جامعه "
                + "هدف بهزیستی استان زنجان در ۹ ماهه ۱۴۰۴ به بیش از ۵۶ میلیارد تومان رسید",
            report["headlineFa"]!.GetValue<string>()
        );
        // The exact figures stay beside the text.
        Assert.Equal(56_050_000_000m, report["total"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task The_English_headline_rounds_the_same_way()
    {
        var report = await ReportAsync();
        Assert.Equal(
            "Cash, in-kind and service contributions from people and charities to the welfare organisation's target community "
                + "in Zanjan province reached over 56 billion toman in the first 9 months of 1404",
            report["headlineEn"]!.GetValue<string>()
        );
    }

    [Theory]
    // The published text misprints پنج as پنح; the figure is five billion and 300 million.
    [InlineData("پنج میلیارد و ۳۰۰ میلیون تومان کمک نقدی")]
    [InlineData("۳۳ میلیارد و ۶۰۰ میلیون تومان کمک غیرنقدی")]
    [InlineData("یک میلیارد و ۱۵۰ میلیون تومان خدمات داوطلبانه")]
    [InlineData("موسسات خیریه استان ۱۶ میلیارد تومان کمک")]
    [InlineData("هشت درصد خانوارها به تعداد ۳۰ هزار و ۶۰۶ خانوار تحت پوشش بهزیستی")]
    [InlineData("۱۹ هزار و ۳۶۱ خانوار مستمری")]
    [InlineData("۶۳ درصد مستمری")]
    [InlineData("۳۷ درصد از سایر خدمات")]
    [InlineData("بیش از هزار نفر از افراد نیازمند در مراکز نگهداری استان")]
    public async Task The_Persian_statement_says_each_published_figure_as_the_office_did(string phrase)
    {
        var report = await ReportAsync();
        Assert.Contains(phrase, report["statementFa"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_Persian_statement_reads_as_a_whole()
    {
        var report = await ReportAsync();
        // The total is said exactly in the body; only the headline rounds it (the published body rounds it too).
        Assert.Equal(
            "در ۹ ماهه ۱۴۰۴، بهزیستی استان زنجان در بخش دولتی پنج میلیارد و ۳۰۰ میلیون تومان کمک نقدی، "
                + "۳۳ میلیارد و ۶۰۰ میلیون تومان کمک غیرنقدی و یک میلیارد و ۱۵۰ میلیون تومان خدمات داوطلبانه جذب کرده است. "
                + "همچنین موسسات خیریه استان ۱۶ میلیارد تومان کمک جمع‌آوری کرده‌اند که "
                + "در مجموع رقم مشارکت‌ها به ۵۶ میلیارد و ۵۰ میلیون تومان رسیده است. "
                + "هم اکنون هشت درصد خانوارها به تعداد ۳۰ هزار و ۶۰۶ خانوار تحت پوشش بهزیستی هستند که از این تعداد ۱۹ هزار و ۳۶۱ خانوار "
                + "مستمری‌بگیر بوده و به عبارتی ۶۳ درصد مستمری‌بگیر و ۳۷ درصد از سایر خدمات بهره‌مند هستند. "
                + "هم اکنون بیش از هزار نفر از افراد نیازمند در مراکز نگهداری استان تحت پوشش هستند.",
            report["statementFa"]!.GetValue<string>()
        );
        Assert.Equal(1_083, report["centerResidents"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("5.3 billion toman in cash")]
    [InlineData("33.6 billion toman in kind")]
    [InlineData("1.15 billion toman of volunteer services")]
    [InlineData("charities collected 16 billion toman")]
    [InlineData("56.05 billion toman of public participation in all")]
    [InlineData("30,606 households (8 % of all households)")]
    [InlineData("19,361 of them (63 %) receiving a pension and 11,245 (37 %) other services")]
    [InlineData("over 1,000 people live in care centres")]
    [InlineData("In the first 9 months of 1404, the welfare organisation of Zanjan province")]
    public async Task The_English_statement_says_each_figure_in_named_units(string phrase)
    {
        var report = await ReportAsync();
        Assert.Contains(phrase, report["statementEn"]!.GetValue<string>());
    }

    private async Task<System.Text.Json.Nodes.JsonNode> ReportAsync() => (await _client.DataAsync(Query))["participationReport"]!;
}
