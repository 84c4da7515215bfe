using System.Globalization;
using WelfareGraph.Contributions;
using WelfareGraph.Data;
using WelfareGraph.Periods;
using WelfareGraph.Querying;
using WelfareGraph.Security;

namespace WelfareGraph.Ingestion;

/// <summary>
/// Checks a batch of records against the rules and the reference data (counties, centres, charities,
/// closed periods, the caller's scope) with one query per kind of reference, and turns the valid ones
/// into contributions.
/// </summary>
public sealed class ContributionValidator : IRecordValidator<ContributionRecord, Contribution>
{
    private readonly CountyLookup _counties;
    private readonly Dictionary<string, (int Id, int CountyId)> _centers;
    private readonly Dictionary<string, int> _charities;
    private readonly HashSet<(int ProvinceId, int Year, int Month)> _closed;
    private readonly string _sourceSystem;

    private ContributionValidator(
        CountyLookup counties,
        Dictionary<string, (int, int)> centers,
        Dictionary<string, int> charities,
        HashSet<(int, int, int)> closed,
        string sourceSystem
    )
    {
        (_counties, _centers, _charities, _closed, _sourceSystem) = (counties, centers, charities, closed, sourceSystem);
    }

    /// <summary>Loads the reference data the batch names. <paramref name="system"/> sees every county, so that
    /// an unknown county and one outside the caller's scope get different answers.</summary>
    public static async Task<ContributionValidator> LoadAsync(
        WelfareDbContext system,
        WelfareScope scope,
        string sourceSystem,
        IReadOnlyList<ContributionRecord> records,
        CancellationToken cancellationToken
    )
    {
        var counties = await CountyLookup.LoadAsync(system, scope, records.Select(r => r.CountyCode), cancellationToken);
        var centerCodes = Codes(records.Select(r => r.CenterCode));
        var charityCodes = Codes(records.Select(r => r.CharityCode));
        var centers = await system
            .Centers.Where(c => centerCodes.Contains(c.Code))
            .ToDictionaryAsync(c => c.Code, c => (c.Id, c.CountyId), cancellationToken);
        var charities = await system
            .Charities.Where(c => charityCodes.Contains(c.Code))
            .ToDictionaryAsync(c => c.Code, c => c.Id, cancellationToken);
        var provinceIds = counties.ProvinceIds.ToList();
        var closed = (
            await system
                .ClosedPeriods.Where(p => provinceIds.Contains(p.ProvinceId))
                .Select(p => new
                {
                    p.ProvinceId,
                    p.Year,
                    p.Month,
                })
                .ToListAsync(cancellationToken)
        ).Select(p => (p.ProvinceId, p.Year, p.Month)).ToHashSet();
        return new ContributionValidator(counties, centers, charities, closed, sourceSystem);
    }

    private static List<string> Codes(IEnumerable<string?> codes) => codes.Select(RecordFields.Clean).OfType<string>().Distinct().ToList();

    /// <summary>The contribution a record describes, or the errors that keep it out.</summary>
    public Contribution? Validate(ContributionRecord record, Action<string, string, string> error)
    {
        var failed = false;
        var externalId = RecordFields.Clean(record.ExternalId);
        void Error(string field, string code, string message)
        {
            failed = true;
            error(field, code, message);
        }

        if (externalId is null)
            Error("externalId", IngestionCodes.Required, "externalId is required.");
        else if (externalId.Length > 64)
            Error("externalId", IngestionCodes.InvalidValue, "externalId is longer than 64 characters.");

        var date = RecordFields.ParseDate(record.Date, "date", required: true, Error);
        var county = _counties.Find(record.CountyCode, Error);
        var type = RecordFields.ParseEnum<ContributionType>(record.Type, "type", required: true, Error);
        var sector = RecordFields.ParseEnum<Sector>(record.Sector, "sector", required: true, Error);
        var intent = RecordFields.ParseEnum<Intent>(record.Intent, "intent", required: false, Error) ?? Intent.Unrestricted;
        var channel = RecordFields.ParseEnum<Channel>(record.Channel, "channel", required: true, Error);
        var unit = RecordFields.ParseEnum<QuantityUnit>(record.QuantityUnit, "quantityUnit", required: false, Error);
        var valuation = RecordFields.ParseEnum<ValuationBasis>(record.ValuationBasis, "valuationBasis", required: false, Error);

        long amount = 0;
        if (record.AmountRial.IsMissing)
            Error("amountRial", IngestionCodes.Required, "amountRial is required.");
        else if (
            record.AmountRial.Value is null
            && !long.TryParse(
                RecordFields.Clean(record.AmountRial.Text)!.Replace(",", "").Replace("٬", ""),
                NumberStyles.AllowLeadingSign,
                CultureInfo.InvariantCulture,
                out amount
            )
        )
            Error("amountRial", IngestionCodes.InvalidValue, $"'{record.AmountRial.Text}' is not a whole number of rial.");
        else if ((amount = record.AmountRial.Value ?? amount) <= 0)
            Error("amountRial", IngestionCodes.NonPositiveAmount, $"amountRial must be positive; got {amount}.");

        decimal? quantity = null;
        if (record.Quantity.Value is { } sentQuantity)
        {
            if (sentQuantity <= 0)
                Error(
                    "quantity",
                    IngestionCodes.InvalidValue,
                    $"'{sentQuantity.ToString(CultureInfo.InvariantCulture)}' is not a positive quantity."
                );
            else
                quantity = sentQuantity;
        }
        else if (RecordFields.Clean(record.Quantity.Text) is { } quantityText)
        {
            if (!decimal.TryParse(quantityText, NumberStyles.Number, CultureInfo.InvariantCulture, out var q) || q <= 0)
                Error("quantity", IngestionCodes.InvalidValue, $"'{record.Quantity.Text}' is not a positive quantity.");
            else
                quantity = q;
        }
        if (quantity is not null && unit is null)
            Error("quantityUnit", IngestionCodes.Required, "quantityUnit is required with a quantity.");

        int? centerId = null,
            charityId = null;
        if (RecordFields.Clean(record.CenterCode) is { } centerCode)
        {
            if (!_centers.TryGetValue(centerCode, out var center))
                Error("centerCode", IngestionCodes.UnknownCenter, $"There is no centre with code '{centerCode}'.");
            else if (county is { } c && center.CountyId != c.Id)
                Error(
                    "centerCode",
                    IngestionCodes.InvalidValue,
                    $"Centre {centerCode} is not in county {RecordFields.Clean(record.CountyCode)}."
                );
            else
                centerId = center.Id;
        }
        if (RecordFields.Clean(record.CharityCode) is { } charityCode)
        {
            if (!_charities.TryGetValue(charityCode, out var charity))
                Error("charityCode", IngestionCodes.UnknownCharity, $"There is no charity with code '{charityCode}'.");
            else
                charityId = charity;
        }

        if (date is { } d && county is { } k)
        {
            var solar = SolarDate.FromGregorian(d);
            if (_closed.Contains((k.ProvinceId, solar.Year, solar.Month)))
                Error(
                    "date",
                    IngestionCodes.PeriodClosed,
                    $"{solar.Year}-{solar.Month:D2} is closed for this province; ask an administrator to reopen it."
                );
        }

        if (failed)
            return null;
        var contribution = new Contribution
        {
            SourceSystem = _sourceSystem,
            ExternalId = externalId!,
            CountyId = county!.Value.Id,
            Type = type!.Value,
            Sector = sector!.Value,
            Intent = intent,
            Channel = channel!.Value,
            AmountRial = amount,
            CenterId = centerId,
            CharityId = charityId,
            Quantity = quantity,
            QuantityUnit = unit,
            Description = RecordFields.Clean(record.Description) is { } text ? text[..Math.Min(text.Length, 500)] : null,
            ValuationBasis = valuation,
        };
        contribution.SetDate(date!.Value);
        return contribution;
    }
}
