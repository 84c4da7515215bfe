namespace WelfareGraph.Labels;

/// <summary>One enum value and what a person reads for it in one language.</summary>
public sealed record EnumLabel(Enum Value, string Label);
