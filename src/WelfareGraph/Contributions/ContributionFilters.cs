namespace WelfareGraph.Contributions;

public static class ContributionFilters
{
    /// <summary>The named query filter hiding retracted contributions; the change feed lifts it, nothing else does.</summary>
    public const string NotRetracted = "NotRetracted";
}
