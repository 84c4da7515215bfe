using System.Globalization;
using System.Text;

namespace WelfareGraph.Benchmarks;

/// <summary>
/// A contributions CSV for the import benchmarks (linked into each), in the columns the import command reads:
/// the same rows for the same count every time, spread over the demo province's eight counties and 600 days from
/// 1403-01-01, with every type, intent and channel, so that runs of different benchmarks import the same data.
/// </summary>
public static class ContributionsFile
{
    public static void Write(string file, int rows)
    {
        using var writer = new StreamWriter(file, false, new UTF8Encoding(false));
        writer.WriteLine("externalId,date,countyCode,type,sector,intent,channel,amountRial,description");
        string[] types = ["CASH", "IN_KIND", "VOLUNTEER_SERVICE"],
            intents = ["EDUCATION_CULTURE_SPORT", "LIVELIHOOD", "FACILITY_CONSTRUCTION", "EQUIPMENT", "UNRESTRICTED"];
        string[] channels = ["COLLECTION_BASE", "BANK_ACCOUNT", "ONLINE"];
        var start = new DateOnly(2024, 3, 20);
        for (var i = 0; i < rows; i++)
        {
            var date = start.AddDays(i % 600).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var (sector, amount) = (i % 5 == 0 ? "CHARITY" : "GOVERNMENT", 10_000L * (1 + i % 5000));
            writer.WriteLine(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"B{i:D8},{date},IR-19-0{1 + i % 8},{types[i % 3]},{sector},{intents[i % 5]},{channels[i % 3]},{amount},row {i}"
                )
            );
        }
    }
}
