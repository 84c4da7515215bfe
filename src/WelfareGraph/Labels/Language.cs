namespace WelfareGraph.Labels;

/// <summary>The two languages every label is written in: Persian first, as the office works.</summary>
public enum Language
{
    Fa,
    En,
}
