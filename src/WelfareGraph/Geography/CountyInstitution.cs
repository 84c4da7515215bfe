namespace WelfareGraph.Geography;

/// <summary>An institution that belongs to one county and is known by a code and a name: a care centre or a charity.</summary>
public abstract class CountyInstitution
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? NameEn { get; set; }

    public int CountyId { get; set; }
    public County County { get; set; } = null!;
}
