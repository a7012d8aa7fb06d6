using CivicGrid.Modules.Cases.Domain;
using CivicGrid.Shared;

namespace CivicGrid.Modules.Cases.Live;

/// <summary>What just happened to a case, told to whoever is looking at a queue it belongs to. Carries no personal data.</summary>
public sealed record CaseChange(Guid CaseId, string Number, string AreaCode, IReadOnlyList<Guid> UnitIds, Guid? ReporterAccountId,
    CaseStatus Status, CaseAction Action, DateTimeOffset At)
{
    /// <summary>Heard from another instance through <see cref="CaseFeedBridge"/>, not committed here.</summary>
    public bool FromOtherInstance { get; init; }

    /// <summary>The same rule as the DbContext's case filter: area, assigned unit, or reporter.</summary>
    public bool IsVisibleTo(DataScope scope) =>
        scope.Covers(AreaCode) || UnitIds.Any(u => scope.UnitIds.Contains(u)) || (ReporterAccountId is { } r && r == scope.AccountId);
}

/// <summary>
/// In-process announcements of committed case changes: console pages (Blazor circuits) and the SignalR hub
/// (<see cref="CaseHub"/>) listen. Published only after the transaction committed. On PostgreSQL
/// <see cref="CaseFeedBridge"/> also publishes here what other instances committed; pages still refresh on a timer, as
/// a change can be missed while a connection is down.
/// </summary>
public sealed class CaseFeed(ILogger<CaseFeed> log)
{
    public event Action<CaseChange>? Changed;

    public void Publish(IEnumerable<CaseChange> changes)
    {
        foreach (var change in changes)
            foreach (var listener in Changed?.GetInvocationList() ?? [])
            {
                try { ((Action<CaseChange>)listener)(change); }
                catch (Exception e) { log.LogWarning(e, "A case feed listener failed"); } // one broken page must not stop the others
            }
    }
}
