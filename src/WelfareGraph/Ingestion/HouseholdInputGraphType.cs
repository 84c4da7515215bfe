using GraphQL.Types;
using WelfareGraph.Households;

namespace WelfareGraph.Ingestion;

public sealed class HouseholdInputGraphType : InputObjectGraphType
{
    public HouseholdInputGraphType()
    {
        Name = "HouseholdInput";
        Description = "A covered household. nationalId is replaced by a keyed hash before anything is stored or logged.";
        Field<NonNullGraphType<StringGraphType>>("nationalId");
        Field<NonNullGraphType<StringGraphType>>("countyCode");
        Field<NonNullGraphType<EnumerationGraphType<Benefit>>>("benefit");
        Field<NonNullGraphType<StringGraphType>>("coveredSince").Description("Solar Hijri or Gregorian date.");
        Field<StringGraphType>("coveredUntil").Description("Last day of coverage, if it ended.");
        Field<EnumerationGraphType<ExitReason>>("exitReason");
        Field<NonNullGraphType<IntGraphType>>("members");
    }

    public static HouseholdRecord ToRecord(IDictionary<string, object?> item) =>
        new()
        {
            NationalId = InputFields.Text(item, "nationalId"),
            CountyCode = InputFields.Text(item, "countyCode"),
            Benefit = InputFields.Typed<Benefit>(item, "benefit"),
            CoveredSince = InputFields.Text(item, "coveredSince"),
            CoveredUntil = InputFields.Text(item, "coveredUntil"),
            ExitReason = InputFields.Typed<ExitReason>(item, "exitReason"),
            Members = InputFields.Typed<int>(item, "members"),
        };
}
