using CivicGrid.Modules.Cases.Features;
using CivicGrid.Modules.CoBuilding.Domain;
using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.CoBuilding.Features;

/// <summary>
/// 来自会议: answers the case detail's question "where did this case come from" for cases a meeting follow-up opened
/// (立案, <see cref="AddFollowUp"/>). The link stays on the meeting side (ADR 13); Cases asks through
/// <see cref="ICaseOrigin"/> and knows nothing of meetings. The caller already sees the case, so the meeting's topic
/// and date are shown to them; the link to the meeting only when the meeting is in their own co-building scope.
/// </summary>
public sealed class MeetingOrigin : ICaseOrigin
{
    public const string Kind = "meeting";

    public static string Page(Guid meetingId) => $"/cobuilding?tab=meetings&meeting={meetingId}";

    public async Task<CaseOrigin?> FindAsync(CivicGridDbContext db, Guid caseId, CurrentUser user, CancellationToken ct)
    {
        var meetingId = await db.Set<MeetingFollowUp>().AsNoTracking().Where(f => f.CaseId == caseId && f.CaseOpened)
            .OrderBy(f => f.At).Select(f => (Guid?)f.MeetingId).FirstOrDefaultAsync(ct);
        if (meetingId is not { } id) return null;
        // Topic and date only, read past the area filter: a department handling the case may know what meeting it came from.
        var meeting = await db.Meetings.IgnoreQueryFilters([DataScope.FilterName]).AsNoTracking().Where(m => m.Id == id)
            .Select(m => new { m.Topic, m.At }).SingleAsync(ct);
        var mayOpen = user.Can(Permissions.CoBuilding.View) && await db.Meetings.AnyAsync(m => m.Id == id, ct);
        return new CaseOrigin(Kind, id, meeting.Topic, meeting.At, mayOpen ? Page(id) : null);
    }
}
