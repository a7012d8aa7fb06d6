using CivicGrid.Persistence;
using CivicGrid.Shared;

namespace CivicGrid.Modules.Cases.Features;

/// <summary>
/// Where a case came from outside the intake's channels: e.g. 来自会议, a meeting follow-up that opened it (立案). The
/// module that opened the case keeps that link and answers for it; Cases only asks, so it depends on no such module
/// (ADR 13). Implementations are registered by their module; the first answer wins. The case detail shows the origin to
/// staff (<c>cases.view</c>) only; the Open311 feed never reads it.
/// </summary>
public interface ICaseOrigin
{
    /// <summary>The origin of a case the caller can already see, or null when this module did not open it.</summary>
    Task<CaseOrigin?> FindAsync(CivicGridDbContext db, Guid caseId, CurrentUser user, CancellationToken ct);
}

/// <summary>
/// An origin as the case detail shows it. <paramref name="Kind"/> names what it is ("meeting"); <paramref name="Link"/> is
/// the console page of the origin when the caller may open it (its own scope and permission), else null.
/// </summary>
public sealed record CaseOrigin(string Kind, Guid Id, string Title, DateTimeOffset At, string? Link);

public static class CaseOrigins
{
    public static async Task<CaseOrigin?> FindAsync(this IEnumerable<ICaseOrigin> origins, CivicGridDbContext db, Guid caseId,
        CurrentUser user, CancellationToken ct)
    {
        if (!user.Can(Modules.Identity.Domain.Permissions.Cases.View)) return null; // residents see their own reports, not our meetings
        foreach (var origin in origins)
            if (await origin.FindAsync(db, caseId, user, ct) is { } found) return found;
        return null;
    }
}
