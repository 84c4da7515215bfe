using WelfareGraph.Contributions;

namespace WelfareGraph.Ingestion;

internal static class ContributionValues
{
    /// <summary>Copies the sender's values onto the stored record; false when nothing differs (a resend).</summary>
    public static bool CopyIfChanged(Contribution sent, Contribution stored)
    {
        var changed = sent.Date != stored.Date || sent.CountyId != stored.CountyId || sent.Type != stored.Type || sent.Sector != stored.Sector
                      || sent.Intent != stored.Intent || sent.Channel != stored.Channel || sent.AmountRial != stored.AmountRial
                      || sent.CenterId != stored.CenterId || sent.CharityId != stored.CharityId || sent.Quantity != stored.Quantity
                      || sent.QuantityUnit != stored.QuantityUnit || sent.Description != stored.Description || sent.ValuationBasis != stored.ValuationBasis;
        if (!changed) return false;
        stored.SetDate(sent.Date);
        (stored.CountyId, stored.Type, stored.Sector, stored.Intent, stored.Channel) = (sent.CountyId, sent.Type, sent.Sector, sent.Intent, sent.Channel);
        (stored.AmountRial, stored.CenterId, stored.CharityId) = (sent.AmountRial, sent.CenterId, sent.CharityId);
        (stored.Quantity, stored.QuantityUnit, stored.Description, stored.ValuationBasis) = (sent.Quantity, sent.QuantityUnit, sent.Description, sent.ValuationBasis);
        return true;
    }
}
