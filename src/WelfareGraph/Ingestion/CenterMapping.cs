using WelfareGraph.Centers;
using WelfareGraph.ChangeFeed;

namespace WelfareGraph.Ingestion;

/// <summary>Care centres, keyed by code, in a county of the caller's scope.</summary>
public sealed class CenterMapping() : InstitutionMapping<CenterRecord, Center>(FeedEntity.Center, r => r.Code, r => r.CountyCode)
{
    public override ComparedFields<Center> Fields { get; } =
        new(c => c.Name, c => c.NameEn, c => c.CountyId, c => c.Kind, c => c.Ownership, c => c.Capacity, c => c.Residents);

    protected override Center? Create(CenterRecord record, int countyId, Action<string, string, string> error)
    {
        if (record.Capacity < 0 || record.Residents < 0)
        {
            error("capacity", IngestionCodes.InvalidValue, "capacity and residents must not be negative.");
            return null;
        }
        return new Center
        {
            Code = record.Code,
            Name = record.Name,
            NameEn = record.NameEn,
            CountyId = countyId,
            Kind = record.Kind,
            Ownership = record.Ownership,
            Capacity = record.Capacity,
            Residents = record.Residents,
        };
    }
}
