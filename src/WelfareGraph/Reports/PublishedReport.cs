namespace WelfareGraph.Reports;

/// <summary>A participation statement as it was published: its figures and text, by whom and when.</summary>
public sealed class PublishedReport
{
    public int Id { get; set; }
    public int ProvinceId { get; set; }
    public DateOnly From { get; set; }
    public DateOnly To { get; set; }
    public required string PeriodLabel { get; set; }

    /// <summary>The figures in rial, as JSON (written and read by the publishing feature), so later corrections can be shown.</summary>
    public required string FiguresJson { get; set; }
    public required string StatementFa { get; set; }
    public required string StatementEn { get; set; }
    public DateTime PublishedAt { get; set; }
    public required string PublishedBy { get; set; }
}
