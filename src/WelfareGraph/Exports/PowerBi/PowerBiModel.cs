using System.IO.Compression;
using System.Security.Claims;
using WelfareGraph.Analytics;
using WelfareGraph.Data;
using WelfareGraph.Exports.Formats;
using WelfareGraph.Labels;
using WelfareGraph.Security;

namespace WelfareGraph.Exports.PowerBi;

/// <summary>
/// <c>GET /exports/powerbi/model.zip</c>: the star schema as Parquet and CSV files with a README describing
/// the relationships — everything the caller's scope shows, household-level rows only for Auditor and Admin.
/// The zip streams: each table is read from the database while its entry is written, and the archive is
/// written asynchronously, so the model of a million contributions costs a row group of memory.
/// </summary>
public static class PowerBiModel
{
    public sealed record Table(string Name, string Description, Func<CancellationToken, Task<ExportTable>> Rows);

    public static async Task<int> WriteAsync(
        ClaimsPrincipal user,
        PowerBiServices services,
        Stream destination,
        CancellationToken cancellationToken
    )
    {
        var (contexts, clock, options) = (services.Contexts, services.Clock, services.Options);
        var threshold = services.Analytics.SuppressionThreshold;
        var withHouseholds = AccessPolicy.AllowsExport(user, "households");
        var tables = Tables(contexts, clock, threshold, withHouseholds);

        var rows = 0;
        // The archive closes entries (and itself) with a few synchronous writes: they wait in the wrapper for the next asynchronous one.
        var output = new AsyncOnlyStream(destination);
        await using (
            var zip = await ZipArchive.CreateAsync(
                output,
                ZipArchiveMode.Create,
                leaveOpen: true,
                entryNameEncoding: null,
                cancellationToken
            )
        )
            rows = await WriteTablesAsync(zip, tables, threshold, withHouseholds, clock, options, cancellationToken);
        await output.DrainAsync(cancellationToken);
        return rows;
    }

    private static async Task<int> WriteTablesAsync(
        ZipArchive zip,
        IReadOnlyList<Table> tables,
        int threshold,
        bool withHouseholds,
        TimeProvider clock,
        ExportOptions options,
        CancellationToken cancellationToken
    )
    {
        var rows = 0;
        await WriteEntryAsync(
            zip,
            "README.md",
            stream => ModelReadme.WriteAsync(stream, tables, threshold, withHouseholds, clock, cancellationToken),
            cancellationToken
        );
        foreach (var table in tables)
        {
            // Each table twice, Parquet for Power BI's folder import and CSV for everything else; its rows counted once.
            var progress = new ExportProgress();
            await WriteTableAsync(
                zip,
                $"parquet/{table.Name}.parquet",
                table,
                (stream, data) => ParquetExport.WriteAsync(stream, data, options.ParquetRowGroupSize, progress, cancellationToken),
                cancellationToken
            );
            await WriteTableAsync(
                zip,
                $"csv/{table.Name}.csv",
                table,
                (stream, data) => CsvExport.WriteAsync(stream, data, Language.En, new ExportProgress(), cancellationToken),
                cancellationToken
            );
            rows += (int)Math.Min(int.MaxValue, progress.Rows);
        }
        return rows;
    }

    private static Task WriteTableAsync(
        ZipArchive zip,
        string name,
        Table table,
        Func<Stream, ExportTable, Task> write,
        CancellationToken cancellationToken
    ) => WriteEntryAsync(zip, name, async stream => await write(stream, await table.Rows(cancellationToken)), cancellationToken);

    private static async Task WriteEntryAsync(ZipArchive zip, string name, Func<Stream, Task> write, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
        await using var stream = await entry.OpenAsync(cancellationToken);
        await write(stream);
    }

    public static IReadOnlyList<Table> Tables(
        IDbContextFactory<WelfareDbContext> contexts,
        TimeProvider clock,
        int threshold,
        bool withHouseholds
    )
    {
        // Each table reads through a context of its own, created (with the caller's scope) when its entry is written.
        Func<CancellationToken, Task<ExportTable>> Query<T>(Func<WelfareDbContext, IQueryable<T>> query) =>
            _ => Task.FromResult(ObjectTables.From(Stream(contexts, query)));
        Func<CancellationToken, Task<ExportTable>> Fixed<T>(IEnumerable<T> rows) => _ => Task.FromResult(ObjectTables.From(rows));
        // Computed once per model: the Parquet and the CSV file of the table are written from the same rows.
        Func<CancellationToken, Task<ExportTable>> Computed<T>(Func<WelfareDbContext, CancellationToken, Task<IReadOnlyList<T>>> compute)
        {
            Task<IReadOnlyList<T>>? rows = null;
            return async ct => ObjectTables.From(await (rows ??= ComputeAsync(ct)));

            async Task<IReadOnlyList<T>> ComputeAsync(CancellationToken ct)
            {
                await using var db = await contexts.CreateDbContextAsync(ct);
                return await compute(db, ct);
            }
        }

        var tables = new List<Table>
        {
            new(
                "contributions",
                "Fact: one row per contribution. Keys: Date → dates, CountyCode → counties, ProvinceCode → provinces, "
                    + "Type → contribution_types, Sector → sectors, Intent → intents, Channel → channels, "
                    + "CenterCode → centers, CharityCode → charities. Measure: AmountRial (1 toman = 10 rial).",
                Query(db => StarSchema.Contributions(db).OrderBy(c => c.Id))
            ),
            new(
                "contributions_monthly",
                "Fact: the contributions of one Solar Hijri month × county × type × sector × intent × channel, "
                    + "summed (SumRial, Contributions = their number, MinRial, MaxRial), for month-level visuals "
                    + "without the contributions' rows. Keys: CountyCode → counties, ProvinceCode → provinces, "
                    + "Type → contribution_types, Sector → sectors, Intent → intents, Channel → channels; "
                    + "SolarYear, SolarQuarter and SolarMonth slice by period (the dates table is a day grain, finer than a cell).",
                Query(db => StarSchema.MonthlyContributions(db).OrderBy(m => m.SolarYear).ThenBy(m => m.SolarMonth).ThenBy(m => m.Key))
            ),
            new(
                "household_counts",
                "Fact: covered households by county × benefit at the end of each Solar Hijri month (Date = the day counted). "
                    + $"Households is empty and Suppressed true where fewer than {threshold} households would be shown. "
                    + "Keys: Date → dates, CountyCode → counties, ProvinceCode → provinces, Benefit → benefits.",
                Computed((db, ct) => StarSchema.HouseholdCountsAsync(db, threshold, clock, ct))
            ),
            new(
                "dates",
                "Dimension: the Solar Hijri date table, one row per day (Date). Weeks start on Saturday (DayOfWeek 1 = Saturday).",
                Computed((db, ct) => StarSchema.DatesAsync(db, clock, ct))
            ),
            new(
                "provinces",
                "Dimension: provinces (ProvinceCode, ISO 3166-2:IR).",
                Query(db => StarSchema.Provinces(db).OrderBy(p => p.ProvinceCode))
            ),
            new(
                "counties",
                "Dimension: counties (CountyCode); ProvinceCode → provinces. TotalHouseholds is the denominator of coverage rates.",
                Query(db => StarSchema.Counties(db).OrderBy(c => c.CountyCode))
            ),
            new(
                "centers",
                "Dimension: care centres (CenterCode); CountyCode → counties.",
                Query(db => StarSchema.Centers(db).OrderBy(c => c.CenterCode))
            ),
            new(
                "charities",
                "Dimension: licensed charities (CharityCode); CountyCode → counties.",
                Query(db => StarSchema.Charities(db).OrderBy(c => c.CharityCode))
            ),
            new("contribution_types", "Dimension: contribution types (Type).", Fixed(StarSchema.ContributionTypes)),
            new("sectors", "Dimension: sectors (Sector).", Fixed(StarSchema.Sectors)),
            new("intents", "Dimension: donor intents (Intent).", Fixed(StarSchema.Intents)),
            new("channels", "Dimension: channels (Channel).", Fixed(StarSchema.Channels)),
            new("benefits", "Dimension: household benefits (Benefit).", Fixed(StarSchema.Benefits)),
        };
        if (withHouseholds)
            tables.Add(
                new(
                    "households",
                    "Household-level rows (pseudonymous HouseholdId), for Auditor and Admin only. "
                        + "Keys: CountyCode → counties, ProvinceCode → provinces, Benefit → benefits.",
                    Query(db => StarSchema.Households(db).OrderBy(h => h.HouseholdId))
                )
            );
        return tables;
    }

    private static async IAsyncEnumerable<T> Stream<T>(
        IDbContextFactory<WelfareDbContext> contexts,
        Func<WelfareDbContext, IQueryable<T>> query,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default
    )
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await foreach (var row in query(db).AsAsyncEnumerable().WithCancellation(cancellationToken))
            yield return row;
    }
}
