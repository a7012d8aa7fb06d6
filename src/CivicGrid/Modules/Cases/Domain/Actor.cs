using CivicGrid.Shared;

namespace CivicGrid.Modules.Cases.Domain;

/// <summary>Who moves a case: the account, the name recorded in history, and what they reach (their data scope).</summary>
public sealed record Actor(Guid? AccountId, string Name, DataScope Scope)
{
    /// <summary>The deadline sweep and other system work (系统).</summary>
    public static readonly Actor System = new(null, "系统", DataScope.Unrestricted);

    /// <summary>
    /// Whether the actor answers for the unit: its own staff only. An unrestricted scope (the platform admin) sees every
    /// case but signs for, handles and returns none: the history would name the unit, and its figures would count work
    /// the unit never did.
    /// </summary>
    public bool ActsFor(Guid unitId) => Scope.UnitIds.Contains(unitId);

    public bool Covers(string areaCode) => Scope.Covers(areaCode);

    /// <summary>
    /// Whether the actor works at <paramref name="level"/> or above for a case in <paramref name="areaCode"/>: a street
    /// worker may act on a community-level case of their street, a community worker not on one lifted to the street.
    /// </summary>
    public bool WorksAt(CaseLevel level, string areaCode)
    {
        if (Scope.IsUnrestricted) return true;
        var widest = level switch { CaseLevel.Community => 12, CaseLevel.Street => 9, _ => 6 };
        return Scope.AreaPrefixes.Any(p => p.Length <= widest && areaCode.StartsWith(p, StringComparison.Ordinal));
    }
}

public static class Actors
{
    public static Actor AsActor(this CurrentUser user) => new(user.Id, user.DisplayName, user.Scope);
}
