namespace CivicGrid.Modules.Cases.Catalog;

/// <summary>A category (大类) of the two-level catalog of matters (事项分级分类清单, DOMAIN.md §3).</summary>
public sealed class CatalogCategory
{
    /// <summary>Two digits, e.g. "01".</summary>
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public int Order { get; set; }
    public bool Retired { get; set; }
}

/// <summary>
/// An item (小类) of the catalog: who is responsible, whether a grid worker may settle it on the spot, and its limits.
/// Cases keep the item's code; retiring an item stops new cases, it never rewrites old ones.
/// </summary>
public sealed class CatalogItem : CivicGrid.Shared.IVersioned
{
    /// <summary>Four digits: the category's two, then two of its own, e.g. "0103".</summary>
    public string Code { get; set; } = "";
    public string CategoryCode { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>The lead responsible unit type (主体责任), a <see cref="UnitDuties"/> key: the default dispatch target.</summary>
    public string LeadDuty { get; set; } = "";
    /// <summary>Cooperating unit types (配合责任).</summary>
    public List<string> CooperatingDuties { get; set; } = [];
    /// <summary>巡办合一: a grid worker may close it on the spot with a photo.</summary>
    public bool OnTheSpotAllowed { get; set; }
    /// <summary>Within this limit the assigned units must sign for (签收/报到) the case.</summary>
    public TimeLimit ResponseLimit { get; set; }
    /// <summary>Within this limit the lead unit must report it handled (办结反馈).</summary>
    public TimeLimit HandlingLimit { get; set; }
    public bool Retired { get; set; }
    public int Version { get; set; }
}
