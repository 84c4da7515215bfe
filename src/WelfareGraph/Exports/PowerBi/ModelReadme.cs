using System.Text;
using WelfareGraph.Periods;

namespace WelfareGraph.Exports.PowerBi;

/// <summary>The README inside model.zip: what each table is, how the tables relate, and how to load them into Power BI.</summary>
public static class ModelReadme
{
    public static async Task WriteAsync(
        Stream stream,
        IReadOnlyList<PowerBiModel.Table> tables,
        int threshold,
        bool withHouseholds,
        TimeProvider clock,
        CancellationToken cancellationToken
    )
    {
        var text = new StringBuilder();
        var now = clock.GetUtcNow();
        text.AppendLine("# WelfareGraph Power BI model");
        text.AppendLine();
        text.AppendLine(
            $"Exported {now:yyyy-MM-dd HH:mm} UTC ({SolarCalendar.FromGregorian(SolarCalendar.TodayInTehran(clock))} in Tehran), "
                + "for the scope of the caller who downloaded it."
        );
        text.AppendLine(
            "Each table is here twice, as `parquet/<table>.parquet` (typed columns; prefer it) and `csv/<table>.csv` (UTF-8, RFC 4180)."
        );
        text.AppendLine();
        text.AppendLine("## Tables");
        text.AppendLine();
        foreach (var table in tables)
            text.AppendLine($"- **{table.Name}** — {table.Description}");
        text.AppendLine();
        text.AppendLine("## Relationships (all many-to-one, single direction, from the fact to the dimension)");
        text.AppendLine();
        text.AppendLine("| from | column | to |");
        text.AppendLine("|---|---|---|");
        foreach (
            var (from, column, to) in new[]
            {
                ("contributions", "Date", "dates"),
                ("contributions", "CountyCode", "counties"),
                ("contributions", "Type", "contribution_types"),
                ("contributions", "Sector", "sectors"),
                ("contributions", "Intent", "intents"),
                ("contributions", "Channel", "channels"),
                ("contributions", "CenterCode", "centers"),
                ("contributions", "CharityCode", "charities"),
                ("contributions_monthly", "CountyCode", "counties"),
                ("contributions_monthly", "Type", "contribution_types"),
                ("contributions_monthly", "Sector", "sectors"),
                ("contributions_monthly", "Intent", "intents"),
                ("contributions_monthly", "Channel", "channels"),
                ("household_counts", "Date", "dates"),
                ("household_counts", "CountyCode", "counties"),
                ("household_counts", "Benefit", "benefits"),
                ("counties", "ProvinceCode", "provinces"),
                ("centers", "CountyCode", "counties"),
                ("charities", "CountyCode", "counties"),
            }
        )
            text.AppendLine($"| {from} | {column} | {to} |");
        if (withHouseholds)
            text.AppendLine("| households | CountyCode | counties |");
        text.AppendLine();
        text.AppendLine("`ProvinceCode` also sits on the facts for convenience; relate provinces through counties to keep one path.");
        text.AppendLine();
        text.AppendLine("## Notes");
        text.AppendLine();
        text.AppendLine("- Money is in rial (`AmountRial`); divide by 10 for toman, as the provincial reports quote it.");
        text.AppendLine(
            "- Use `dates` for periods: `SolarYear`, `SolarQuarter`, `SolarMonth`, "
                + "`MonthNameFa`, `SolarYearMonth` (sort `MonthNameFa` by `SolarMonth`)."
        );
        text.AppendLine(
            "- Household counts are stocks (households covered on `Date`); do not sum them across months. "
                + $"A county × benefit cell below {threshold} is never published: its `Households` is empty and `Suppressed` is true."
        );
        text.AppendLine(
            withHouseholds
                ? "- `households` holds household-level rows (pseudonymous). "
                    + "It is in this file because the caller is an Auditor or Admin: handle it accordingly."
                : "- Household-level rows are not in this model: they are open to the Auditor and Admin roles only."
        );
        text.AppendLine(
            "- For scheduled refresh, connect Power BI to the OData feed (`/odata`, or the `.pbids` file from "
                + "`/exports/powerbi/welfaregraph.pbids`): the same tables, filtered and aggregated in the database."
        );
        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        await stream.WriteAsync(bytes, cancellationToken);
    }
}
