using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WelfareGraph.Centers;
using WelfareGraph.Data;
using WelfareGraph.Ingestion;
using WelfareGraph.Querying;
using WelfareGraph.Security;
using WelfareGraph.Tests.Infrastructure;

namespace WelfareGraph.Tests.Ingestion;

/// <summary>
/// The parts of the batch writer that reference data lacked before it shared the writer with contributions and
/// households — dry run, change-feed stamping, duplicates, all-or-nothing — counted with plain SQL over the rows.
/// </summary>
public sealed class BatchWriterTests(SqliteDemoServer server) : IClassFixture<SqliteDemoServer>
{
    private readonly string _prefix = "BW" + Guid.NewGuid().ToString("N")[..6];

    private IServiceProvider Services => server.Factory.Services;

    private async Task<UpsertResult> UpsertAsync<TRecord, TEntity>(IBatchMapping<TRecord, TEntity> mapping, UpsertBatch<TRecord> batch)
        where TEntity : class
    {
        var system = Services.GetRequiredService<SystemDbContextFactory>();
        await using var db = system.CreateDbContext();
        await using var reference = system.CreateDbContext();
        return await Services.GetRequiredService<BatchWriter>().UpsertAsync(mapping, db, reference, batch, CancellationToken.None);
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var db = Services.GetRequiredService<SystemDbContextFactory>().CreateDbContext();
        DbConnection connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    private Task<long> CentersAsync() => CountAsync($"SELECT count(*) FROM centers WHERE code LIKE '{_prefix}%'");

    private Task<long> FeedAsync(int entity, int? kind = null) =>
        CountAsync(
            $"SELECT count(*) FROM change_feed WHERE entity = {entity} AND key LIKE '{_prefix}%'"
                + (kind is { } k ? $" AND kind = {k}" : "")
        );

    private CenterRecord Center(string suffix, int residents = 40, string county = "IR-19-02") =>
        new(_prefix + suffix, "مرکز " + suffix, null, county, CenterKind.Elderly, CenterOwnership.Government, 80, residents);

    [Fact]
    public async Task A_dry_run_of_centres_counts_what_it_would_write_and_writes_nothing()
    {
        var mapping = Services.GetRequiredService<CenterMapping>();
        var dry = await UpsertAsync(
            mapping,
            new UpsertBatch<CenterRecord>(ReferenceSource.Name, [Center("-1"), Center("-2")], DryRun: true)
        );
        Assert.Equal((2, 0, 0, true), (dry.Inserted, dry.Updated, dry.Unchanged, dry.DryRun));
        Assert.False(dry.Written);
        Assert.Equal(0, await CentersAsync());
        Assert.Equal(0, await FeedAsync(entity: 3));

        var real = await UpsertAsync(mapping, new UpsertBatch<CenterRecord>(ReferenceSource.Name, [Center("-1"), Center("-2")]));
        Assert.Equal(2, real.Inserted);
        Assert.Equal(2, await CentersAsync());

        // A dry run of a change counts the update and leaves the stored residents as they were.
        var dryUpdate = await UpsertAsync(
            mapping,
            new UpsertBatch<CenterRecord>(ReferenceSource.Name, [Center("-1", residents: 55), Center("-2")], DryRun: true)
        );
        Assert.Equal((0, 1, 1), (dryUpdate.Inserted, dryUpdate.Updated, dryUpdate.Unchanged));
        Assert.Equal(0, await CountAsync($"SELECT count(*) FROM centers WHERE code LIKE '{_prefix}%' AND residents = 55"));
        Assert.Equal(2, await FeedAsync(entity: 3));
    }

    [Fact]
    public async Task Charities_and_counties_are_stamped_in_the_change_feed_and_a_resend_adds_nothing()
    {
        var charities = Services.GetRequiredService<CharityMapping>();
        CharityRecord Charity(string licence) => new(_prefix + "-C", "خیریه", "Charity", "IR-19-03", licence);
        Assert.Equal(1, (await UpsertAsync(charities, new UpsertBatch<CharityRecord>(ReferenceSource.Name, [Charity("L-1")]))).Inserted);
        Assert.Equal(1, (await UpsertAsync(charities, new UpsertBatch<CharityRecord>(ReferenceSource.Name, [Charity("L-1")]))).Unchanged);
        Assert.Equal(1, (await UpsertAsync(charities, new UpsertBatch<CharityRecord>(ReferenceSource.Name, [Charity("L-2")]))).Updated);
        Assert.Equal(1, await FeedAsync(entity: 4, kind: 1));
        Assert.Equal(1, await FeedAsync(entity: 4, kind: 2));
        Assert.Equal(1, await CountAsync($"SELECT count(*) FROM charities WHERE code LIKE '{_prefix}%' AND licence_no = 'L-2'"));

        // A county's feed entry carries the county's own id, known only once it is inserted.
        var code = "IR-23-" + Random.Shared.Next(60, 99);
        var counties = Services.GetRequiredService<CountyMapping>();
        var county = await UpsertAsync(
            counties,
            new UpsertBatch<CountyRecord>(ReferenceSource.Name, [new(code, "نمونه", "Sample", "IR-23", 1_000)])
        );
        Assert.Equal(1, county.Inserted);
        Assert.Equal(
            1,
            await CountAsync(
                "SELECT count(*) FROM change_feed f JOIN counties c ON c.id = f.county_id "
                    + $"WHERE f.entity = 5 AND f.key = '{code}' AND c.code = '{code}'"
            )
        );
    }

    [Fact]
    public async Task A_reference_batch_with_one_bad_or_repeated_item_writes_nothing()
    {
        var mapping = Services.GetRequiredService<CenterMapping>();
        var unknownCounty = await UpsertAsync(
            mapping,
            new UpsertBatch<CenterRecord>(ReferenceSource.Name, [Center("-1"), Center("-2", county: "IR-19-77")])
        );
        Assert.Equal("UNKNOWN_COUNTY", Assert.Single(unknownCounty.Errors).Code);
        Assert.Equal(1, unknownCounty.Errors[0].Index);

        var repeated = await UpsertAsync(
            mapping,
            new UpsertBatch<CenterRecord>(ReferenceSource.Name, [Center("-1"), Center("-1", residents: 12)])
        );
        var error = Assert.Single(repeated.Errors);
        Assert.Equal(("DUPLICATE_EXTERNAL_ID", 1, _prefix + "-1"), (error.Code, error.Index, error.ExternalId));

        Assert.Equal(0, await CentersAsync());
        Assert.Equal(0, await FeedAsync(entity: 3));
    }
}
