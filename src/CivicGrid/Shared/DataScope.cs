namespace CivicGrid.Shared;

/// <summary>
/// What the current caller may reach (DOMAIN.md §1): area-code prefixes of their subtrees, the units they act for,
/// and their own resident record. The DbContext applies it to every scoped entity through the named query filter
/// <see cref="FilterName"/>. Background jobs and seeding opt out by name with <see cref="Unrestricted"/>.
/// </summary>
public sealed class DataScope
{
    public const string FilterName = "DataScope";

    public bool IsUnrestricted { get; private init; }
    public string[] AreaPrefixes { get; private init; } = [];
    public Guid[] UnitIds { get; private init; } = [];
    public Guid? ResidentId { get; private init; }
    /// <summary>The caller's account: what they reported themselves (their cases) is theirs whatever their area.</summary>
    public Guid? AccountId { get; private init; }

    /// <summary>Nothing is visible: the scope of an anonymous caller.</summary>
    public static DataScope Nothing { get; } = new();

    /// <summary>The platform admin's scope, and the scope of system work (seeding, sweeps), named so it is visible in code.</summary>
    public static DataScope Unrestricted { get; } = new() { IsUnrestricted = true };

    public static DataScope For(IEnumerable<string> areaPrefixes, IEnumerable<Guid> unitIds, Guid? residentId, Guid? accountId = null) => new()
    {
        AreaPrefixes = Minimal(areaPrefixes),
        UnitIds = unitIds.Distinct().ToArray(),
        ResidentId = residentId,
        AccountId = accountId,
    };

    public bool Covers(string areaCode) =>
        IsUnrestricted || AreaPrefixes.Any(p => areaCode.StartsWith(p, StringComparison.Ordinal));

    // A prefix inside another adds nothing: keep only the outermost ones.
    static string[] Minimal(IEnumerable<string> prefixes)
    {
        var sorted = prefixes.Distinct().OrderBy(p => p.Length).ToList();
        var kept = new List<string>();
        foreach (var p in sorted)
            if (!kept.Any(k => p.StartsWith(k, StringComparison.Ordinal))) kept.Add(p);
        return kept.ToArray();
    }
}

/// <summary>
/// Where a DbContext gets its scope, read at every query: in a request it follows <see cref="CurrentUser"/>; system work
/// and per-operation contexts fix it with <see cref="Fixed"/>.
/// </summary>
public sealed class ScopeSource(Func<DataScope> current)
{
    public DataScope Current => current();

    public static ScopeSource Fixed(DataScope scope) => new(() => scope);
}
