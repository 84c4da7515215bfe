using GraphQL.Types;
using WelfareGraph.Querying.Filtering;
using WelfareGraph.Querying.Sorting;

namespace WelfareGraph.Analytics;

/// <summary><c>having: { sum: { gte: 1000 }, count: { gt: 5 } }</c> — conditions on the groups' measures, in the requested unit.</summary>
public sealed class ContributionMeasureFilterInputGraphType : InputObjectGraphType
{
    public ContributionMeasureFilterInputGraphType()
    {
        Name = "ContributionMeasureFilterInput";
        Description = "Conditions on group measures; money in the requested `unit`, share and growth as fractions.";
        Field<ListGraphType<NonNullGraphType<ContributionMeasureFilterInputGraphType>>>("and");
        Field<ListGraphType<NonNullGraphType<ContributionMeasureFilterInputGraphType>>>("or");
        foreach (var measure in GroupOrder.MeasureFields)
            Field<ComparableOperationFilterInputGraphType<DecimalGraphType>>(measure);
    }
}

/// <summary><c>order: [{ sum: DESC }, { month: ASC }]</c> — by measures or keys.</summary>
public sealed class ContributionGroupSortInputGraphType : InputObjectGraphType
{
    public ContributionGroupSortInputGraphType()
    {
        Name = "ContributionGroupSortInput";
        Description = "A sort key of the groups. Entity keys sort by code, periods chronologically; nulls come last.";
        foreach (var field in GroupOrder.KeyFields.Concat(GroupOrder.MeasureFields))
            Field<SortEnumGraphType>(field);
    }
}
