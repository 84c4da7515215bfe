namespace WelfareGraph.Ingestion;

/// <summary>The stable codes of <see cref="IngestionError"/>, as the README lists them.</summary>
public static class IngestionCodes
{
    public const string InvalidDate = "INVALID_DATE";
    public const string UnknownCounty = "UNKNOWN_COUNTY";
    public const string UnknownProvince = "UNKNOWN_PROVINCE";
    public const string UnknownCenter = "UNKNOWN_CENTER";
    public const string UnknownCharity = "UNKNOWN_CHARITY";
    public const string OutOfScope = "OUT_OF_SCOPE";
    public const string NonPositiveAmount = "NON_POSITIVE_AMOUNT";
    public const string InvalidEnum = "INVALID_ENUM";
    public const string InvalidValue = "INVALID_VALUE";
    public const string Required = "REQUIRED";
    public const string DuplicateExternalId = "DUPLICATE_EXTERNAL_ID";
    public const string BatchTooLarge = "BATCH_TOO_LARGE";
    public const string PeriodClosed = "PERIOD_CLOSED";
    public const string UnknownExternalId = "UNKNOWN_EXTERNAL_ID";
}
