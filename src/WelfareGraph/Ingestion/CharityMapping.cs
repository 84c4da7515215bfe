using WelfareGraph.ChangeFeed;
using WelfareGraph.Charities;

namespace WelfareGraph.Ingestion;

/// <summary>Licensed charities, keyed by code, in a county of the caller's scope.</summary>
public sealed class CharityMapping() : InstitutionMapping<CharityRecord, Charity>(FeedEntity.Charity, r => r.Code, r => r.CountyCode)
{
    public override ComparedFields<Charity> Fields { get; } = new(c => c.Name, c => c.NameEn, c => c.CountyId, c => c.LicenceNo);

    protected override Charity Create(CharityRecord record, int countyId, Action<string, string, string> error) =>
        new()
        {
            Code = record.Code,
            Name = record.Name,
            NameEn = record.NameEn,
            CountyId = countyId,
            LicenceNo = record.LicenceNo,
        };
}
