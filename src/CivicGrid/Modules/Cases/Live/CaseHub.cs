using CivicGrid.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace CivicGrid.Modules.Cases.Live;

/// <summary>
/// Live case updates for browsers and apps (SignalR, <c>/hubs/cases</c>): a connection joins the groups of its scope —
/// its areas, its units, itself — and receives <c>caseChanged</c> for every case it can see.
/// </summary>
[Authorize]
public sealed class CaseHub : Hub
{
    public const string Path = "/hubs/cases";

    public override async Task OnConnectedAsync()
    {
        // The connection's own user: on long polling or server-sent events the hub does not run inside the request that
        // carried the token, so the request-bound CurrentUser would be anonymous and join nothing.
        var scope = new CurrentUser(Context.User ?? new System.Security.Claims.ClaimsPrincipal()).Scope;
        foreach (var group in ScopeGroups(scope)) await Groups.AddToGroupAsync(Context.ConnectionId, group);
        await base.OnConnectedAsync();
    }

    static IEnumerable<string> ScopeGroups(DataScope scope)
    {
        if (scope.IsUnrestricted) yield return "all";
        foreach (var p in scope.AreaPrefixes) yield return $"area:{p}";
        foreach (var u in scope.UnitIds) yield return $"unit:{u}";
        if (scope.AccountId is { } me) yield return $"account:{me}";
    }

    /// <summary>The groups a change goes to: every prefix of its area (grid, community, street, district), its units, its reporter.</summary>
    public static IEnumerable<string> GroupsOf(CaseChange c)
    {
        yield return "all";
        foreach (var length in new[] { 6, 9, 12, 15 }) if (c.AreaCode.Length >= length) yield return $"area:{c.AreaCode[..length]}";
        foreach (var u in c.UnitIds) yield return $"unit:{u}";
        if (c.ReporterAccountId is { } r) yield return $"account:{r}";
    }
}

/// <summary>Forwards the in-process feed to the hub's groups.</summary>
sealed class CaseHubRelay(CaseFeed feed, IHubContext<CaseHub> hub) : IHostedService
{
    public Task StartAsync(CancellationToken ct) { feed.Changed += Relay; return Task.CompletedTask; }
    public Task StopAsync(CancellationToken ct) { feed.Changed -= Relay; return Task.CompletedTask; }

    void Relay(CaseChange c) =>
        _ = hub.Clients.Groups(CaseHub.GroupsOf(c).ToList()).SendAsync("caseChanged", new { c.CaseId, c.Number, c.Status, c.Action, c.At });
}
