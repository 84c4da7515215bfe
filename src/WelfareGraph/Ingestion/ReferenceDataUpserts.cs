using Microsoft.EntityFrameworkCore;
using WelfareGraph.Centers;
using WelfareGraph.Charities;
using WelfareGraph.Data;
using WelfareGraph.Geography;

namespace WelfareGraph.Ingestion;

public sealed record ProvinceRecord(string Code, string NameFa, string NameEn);
public sealed record CountyRecord(string Code, string NameFa, string NameEn, string ProvinceCode, int TotalHouseholds);
public sealed record CenterRecord(string Code, string Name, string? NameEn, string CountyCode, CenterKind Kind, CenterOwnership Ownership, int Capacity, int Residents);
public sealed record CharityRecord(string Code, string Name, string? NameEn, string CountyCode, string LicenceNo);

/// <summary>
/// Upserts of the small reference tables, keyed by code: provinces (names only — the 31 are fixed), counties with
/// their all-households counts (so provinces beyond the demo can be loaded), centres and charities.
/// Scope is enforced by the context's write guard; unknown parents and bad values are reported per item.
/// </summary>
public static class ReferenceDataUpserts
{
    public static async Task<UpsertResult> ProvincesAsync(WelfareDbContext db, IReadOnlyList<ProvinceRecord> items, CancellationToken ct)
    {
        var codes = items.Select(i => i.Code).ToList();
        var existing = await db.Provinces.AsTracking().Where(p => codes.Contains(p.Code)).ToDictionaryAsync(p => p.Code, ct);
        var errors = new List<IngestionError>();
        int updated = 0, unchanged = 0;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (!existing.TryGetValue(item.Code, out var province))
            {
                errors.Add(new IngestionError(i, item.Code, "code", IngestionCodes.UnknownProvince, $"'{item.Code}' is not one of the 31 province codes (ISO 3166-2:IR)."));
                continue;
            }
            if (province.NameFa == item.NameFa && province.NameEn == item.NameEn) { unchanged++; continue; }
            (province.NameFa, province.NameEn) = (item.NameFa, item.NameEn);
            updated++;
        }
        if (errors.Count > 0) return UpsertResult.Refused(errors, false);
        await db.SaveChangesAsync(ct);
        return new UpsertResult(0, updated, unchanged, errors, false);
    }

    public static async Task<UpsertResult> CountiesAsync(WelfareDbContext db, WelfareDbContext system, IReadOnlyList<CountyRecord> items, CancellationToken ct)
    {
        var provinceCodes = items.Select(i => i.ProvinceCode).Distinct().ToList();
        var provinces = await system.Provinces.Where(p => provinceCodes.Contains(p.Code)).ToDictionaryAsync(p => p.Code, p => p.Id, ct);
        var codes = items.Select(i => i.Code).ToList();
        var existing = await db.Counties.AsTracking().Where(c => codes.Contains(c.Code)).ToDictionaryAsync(c => c.Code, ct);
        var errors = new List<IngestionError>();
        int inserted = 0, updated = 0, unchanged = 0;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (!provinces.TryGetValue(item.ProvinceCode, out var provinceId))
                errors.Add(new IngestionError(i, item.Code, "provinceCode", IngestionCodes.UnknownProvince, $"There is no province with code '{item.ProvinceCode}'."));
            else if (!item.Code.StartsWith(item.ProvinceCode + "-", StringComparison.Ordinal))
                errors.Add(new IngestionError(i, item.Code, "code", IngestionCodes.InvalidValue, $"A county code starts with its province's code: {item.ProvinceCode}-NN."));
            else if (item.TotalHouseholds < 0)
                errors.Add(new IngestionError(i, item.Code, "totalHouseholds", IngestionCodes.InvalidValue, "totalHouseholds must not be negative."));
            else if (!existing.TryGetValue(item.Code, out var county))
            {
                db.Counties.Add(new County { Code = item.Code, NameFa = item.NameFa, NameEn = item.NameEn, ProvinceId = provinceId, TotalHouseholds = item.TotalHouseholds });
                inserted++;
            }
            else if (county.NameFa == item.NameFa && county.NameEn == item.NameEn && county.ProvinceId == provinceId && county.TotalHouseholds == item.TotalHouseholds)
                unchanged++;
            else
            {
                (county.NameFa, county.NameEn, county.ProvinceId, county.TotalHouseholds) = (item.NameFa, item.NameEn, provinceId, item.TotalHouseholds);
                updated++;
            }
        }
        if (errors.Count > 0) return UpsertResult.Refused(errors, false);
        await db.SaveChangesAsync(ct);
        return new UpsertResult(inserted, updated, unchanged, errors, false);
    }

    public static async Task<UpsertResult> CentersAsync(WelfareDbContext db, WelfareDbContext system, IReadOnlyList<CenterRecord> items, CancellationToken ct)
    {
        var counties = await CountyLookup.LoadAsync(system, db.Scope, items.Select(i => i.CountyCode), ct);
        var codes = items.Select(i => i.Code).ToList();
        var existing = await db.Centers.AsTracking().Where(c => codes.Contains(c.Code)).ToDictionaryAsync(c => c.Code, ct);
        var errors = new List<IngestionError>();
        var feed = new List<FeedEntry>();
        int inserted = 0, updated = 0, unchanged = 0;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (counties.Find(item.CountyCode, (field, code, message) => errors.Add(new IngestionError(i, item.Code, field, code, message))) is not { Id: var countyId })
                continue;
            if (item.Capacity < 0 || item.Residents < 0)
            {
                errors.Add(new IngestionError(i, item.Code, "capacity", IngestionCodes.InvalidValue, "capacity and residents must not be negative."));
                continue;
            }
            if (!existing.TryGetValue(item.Code, out var center))
            {
                db.Centers.Add(new Center { Code = item.Code, Name = item.Name, NameEn = item.NameEn, CountyId = countyId, Kind = item.Kind, Ownership = item.Ownership, Capacity = item.Capacity, Residents = item.Residents });
                feed.Add(new FeedEntry { Entity = FeedEntity.Center, Kind = ChangeKind.Insert, SourceSystem = "reference", Key = item.Code, CountyId = countyId });
                inserted++;
            }
            else if (center.Name == item.Name && center.NameEn == item.NameEn && center.CountyId == countyId && center.Kind == item.Kind
                     && center.Ownership == item.Ownership && center.Capacity == item.Capacity && center.Residents == item.Residents)
                unchanged++;
            else
            {
                (center.Name, center.NameEn, center.CountyId, center.Kind, center.Ownership, center.Capacity, center.Residents) =
                    (item.Name, item.NameEn, countyId, item.Kind, item.Ownership, item.Capacity, item.Residents);
                feed.Add(new FeedEntry { Entity = FeedEntity.Center, Kind = ChangeKind.Update, SourceSystem = "reference", Key = item.Code, CountyId = countyId });
                updated++;
            }
        }
        if (errors.Count > 0) return UpsertResult.Refused(errors, false);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await ChangeFeedWriter.WriteAsync(db, feed, ct);
        await transaction.CommitAsync(ct);
        return new UpsertResult(inserted, updated, unchanged, errors, false);
    }

    public static async Task<UpsertResult> CharitiesAsync(WelfareDbContext db, WelfareDbContext system, IReadOnlyList<CharityRecord> items, CancellationToken ct)
    {
        var counties = await CountyLookup.LoadAsync(system, db.Scope, items.Select(i => i.CountyCode), ct);
        var codes = items.Select(i => i.Code).ToList();
        var existing = await db.Charities.AsTracking().Where(c => codes.Contains(c.Code)).ToDictionaryAsync(c => c.Code, ct);
        var errors = new List<IngestionError>();
        int inserted = 0, updated = 0, unchanged = 0;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (counties.Find(item.CountyCode, (field, code, message) => errors.Add(new IngestionError(i, item.Code, field, code, message))) is not { Id: var countyId })
                continue;
            if (!existing.TryGetValue(item.Code, out var charity))
            {
                db.Charities.Add(new Charity { Code = item.Code, Name = item.Name, NameEn = item.NameEn, CountyId = countyId, LicenceNo = item.LicenceNo });
                inserted++;
            }
            else if (charity.Name == item.Name && charity.NameEn == item.NameEn && charity.CountyId == countyId && charity.LicenceNo == item.LicenceNo)
                unchanged++;
            else
            {
                (charity.Name, charity.NameEn, charity.CountyId, charity.LicenceNo) = (item.Name, item.NameEn, countyId, item.LicenceNo);
                updated++;
            }
        }
        if (errors.Count > 0) return UpsertResult.Refused(errors, false);
        await db.SaveChangesAsync(ct);
        return new UpsertResult(inserted, updated, unchanged, errors, false);
    }
}
