using System.Globalization;
using Microsoft.EntityFrameworkCore;
using WelfareGraph.Contributions;
using WelfareGraph.Data;
using WelfareGraph.Periods;
using WelfareGraph.Querying;
using WelfareGraph.Schema;
using WelfareGraph.Security;

namespace WelfareGraph.Ingestion;

/// <summary>
/// Checks a batch of records against the rules and the reference data (counties, centres, charities,
/// closed periods, the caller's scope) with one query per kind of reference, and turns the valid ones
/// into contributions.
/// </summary>
public sealed class ContributionValidator
{
    private readonly Dictionary<string, (int Id, int ProvinceId)> _counties;
    private readonly Dictionary<string, (int Id, int CountyId)> _centers;
    private readonly Dictionary<string, (int Id, int CountyId)> _charities;
    private readonly HashSet<(int ProvinceId, int Year, int Month)> _closed;
    private readonly WelfareScope _scope;

    private ContributionValidator(WelfareScope scope, Dictionary<string, (int, int)> counties, Dictionary<string, (int, int)> centers,
        Dictionary<string, (int, int)> charities, HashSet<(int, int, int)> closed)
    {
        (_scope, _counties, _centers, _charities, _closed) = (scope, counties, centers, charities, closed);
    }

    /// <summary>Loads the reference data the batch names. <paramref name="system"/> sees every county, so that
    /// an unknown county and one outside the caller's scope get different answers.</summary>
    public static async Task<ContributionValidator> LoadAsync(WelfareDbContext system, WelfareScope scope,
        IReadOnlyList<ContributionRecord> records, CancellationToken cancellationToken)
    {
        var countyCodes = Codes(records.Select(r => r.CountyCode));
        var centerCodes = Codes(records.Select(r => r.CenterCode));
        var charityCodes = Codes(records.Select(r => r.CharityCode));
        var counties = await system.Counties.Where(c => countyCodes.Contains(c.Code))
            .ToDictionaryAsync(c => c.Code, c => (c.Id, c.ProvinceId), cancellationToken);
        var centers = await system.Centers.Where(c => centerCodes.Contains(c.Code))
            .ToDictionaryAsync(c => c.Code, c => (c.Id, c.CountyId), cancellationToken);
        var charities = await system.Charities.Where(c => charityCodes.Contains(c.Code))
            .ToDictionaryAsync(c => c.Code, c => (c.Id, c.CountyId), cancellationToken);
        var provinceIds = counties.Values.Select(c => c.ProvinceId).Distinct().ToList();
        var closed = (await system.ClosedPeriods.Where(p => provinceIds.Contains(p.ProvinceId))
            .Select(p => new { p.ProvinceId, p.Year, p.Month }).ToListAsync(cancellationToken))
            .Select(p => (p.ProvinceId, p.Year, p.Month)).ToHashSet();
        return new ContributionValidator(scope, counties, centers, charities, closed);
    }

    private static List<string> Codes(IEnumerable<string?> codes) =>
        codes.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => Clean(c)!).Distinct().ToList();

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : PersianText.Fold(text).Trim();

    /// <summary>The contribution a record describes, or the errors that keep it out.</summary>
    public (Contribution? Contribution, List<IngestionError> Errors) Validate(int index, ContributionRecord record, string sourceSystem)
    {
        var errors = new List<IngestionError>();
        var externalId = Clean(record.ExternalId);
        void Error(string field, string code, string message) => errors.Add(new IngestionError(index, externalId, field, code, message));

        if (externalId is null) Error("externalId", IngestionCodes.Required, "externalId is required.");
        else if (externalId.Length > 64) Error("externalId", IngestionCodes.InvalidValue, "externalId is longer than 64 characters.");

        DateOnly? date = null;
        if (Clean(record.Date) is not { } dateText) Error("date", IngestionCodes.Required, "date is required.");
        else
        {
            try { date = SolarDateParser.ParseAnyCalendar(dateText); }
            catch (SolarDateException e) { Error("date", IngestionCodes.InvalidDate, e.Message); }
        }

        (int Id, int ProvinceId)? county = null;
        if (Clean(record.CountyCode) is not { } countyCode) Error("countyCode", IngestionCodes.Required, "countyCode is required.");
        else if (!_counties.TryGetValue(countyCode, out var found)) Error("countyCode", IngestionCodes.UnknownCounty, $"There is no county with code '{countyCode}'.");
        else if (!_scope.ContainsCounty(found.Id)) Error("countyCode", IngestionCodes.OutOfScope, $"County {countyCode} is outside your scope ({_scope}).");
        else county = found;

        var type = ParseEnum<ContributionType>(record.Type, "type", required: true, Error);
        var sector = ParseEnum<Sector>(record.Sector, "sector", required: true, Error);
        var intent = ParseEnum<Intent>(record.Intent, "intent", required: false, Error) ?? Intent.Unrestricted;
        var channel = ParseEnum<Channel>(record.Channel, "channel", required: true, Error);
        var unit = ParseEnum<QuantityUnit>(record.QuantityUnit, "quantityUnit", required: false, Error);
        var valuation = ParseEnum<ValuationBasis>(record.ValuationBasis, "valuationBasis", required: false, Error);

        long amount = 0;
        if (Clean(record.AmountRial) is not { } amountText) Error("amountRial", IngestionCodes.Required, "amountRial is required.");
        else if (!long.TryParse(amountText.Replace(",", "").Replace("٬", ""), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out amount))
            Error("amountRial", IngestionCodes.InvalidValue, $"'{record.AmountRial}' is not a whole number of rial.");
        else if (amount <= 0) Error("amountRial", IngestionCodes.NonPositiveAmount, $"amountRial must be positive; got {amount}.");

        decimal? quantity = null;
        if (Clean(record.Quantity) is { } quantityText)
        {
            if (!decimal.TryParse(quantityText, NumberStyles.Number, CultureInfo.InvariantCulture, out var q) || q <= 0)
                Error("quantity", IngestionCodes.InvalidValue, $"'{record.Quantity}' is not a positive quantity.");
            else quantity = q;
        }
        if (quantity is not null && unit is null) Error("quantityUnit", IngestionCodes.Required, "quantityUnit is required with a quantity.");

        int? centerId = null, charityId = null;
        if (Clean(record.CenterCode) is { } centerCode)
        {
            if (!_centers.TryGetValue(centerCode, out var center)) Error("centerCode", IngestionCodes.UnknownCenter, $"There is no centre with code '{centerCode}'.");
            else if (county is { } c && center.CountyId != c.Id) Error("centerCode", IngestionCodes.InvalidValue, $"Centre {centerCode} is not in county {Clean(record.CountyCode)}.");
            else centerId = center.Id;
        }
        if (Clean(record.CharityCode) is { } charityCode)
        {
            if (!_charities.TryGetValue(charityCode, out var charity)) Error("charityCode", IngestionCodes.UnknownCharity, $"There is no charity with code '{charityCode}'.");
            else charityId = charity.Id;
        }

        if (date is { } d && county is { } k)
        {
            var solar = SolarDate.FromGregorian(d);
            if (_closed.Contains((k.ProvinceId, solar.Year, solar.Month)))
                Error("date", IngestionCodes.PeriodClosed, $"{solar.Year}-{solar.Month:D2} is closed for this province; ask an administrator to reopen it.");
        }

        if (errors.Count > 0) return (null, errors);
        var contribution = new Contribution
        {
            SourceSystem = sourceSystem,
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
            Description = Clean(record.Description) is { } text ? text[..Math.Min(text.Length, 500)] : null,
            ValuationBasis = valuation,
        };
        contribution.SetDate(date!.Value);
        return (contribution, errors);
    }

    /// <summary>Enum values as GraphQL writes them (IN_KIND) or as C# does (InKind), any case.</summary>
    internal static T? ParseEnum<T>(string? text, string field, bool required, Action<string, string, string> error) where T : struct, Enum
    {
        var value = Clean(text);
        if (value is null)
        {
            if (required) error(field, IngestionCodes.Required, $"{field} is required.");
            return null;
        }
        if (Enum.TryParse<T>(value.Replace("_", ""), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !value.All(char.IsDigit))
            return parsed;
        var names = string.Join(", ", EnumNames<T>.All);
        error(field, IngestionCodes.InvalidEnum, $"'{text}' is not a {field}; expected one of {names}.");
        return null;
    }
}
