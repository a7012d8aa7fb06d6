using CivicGrid.Modules.CoBuilding.Domain;
using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.CoBuilding.Features;

/// <summary>
/// 会议记录: a joint meeting of an alliance (联席会议) or a consultation (网格议事会, 圆桌会议) — one shape. Recorded as a
/// draft, edited until finalised. An alliance's meeting takes the alliance's area, and when no chair is named the next
/// member unit in turn chairs it.
/// </summary>
public static class RecordMeeting
{
    public sealed record Request(MeetingKind Kind, Guid? AllianceId, string? AreaCode, string Topic, DateTimeOffset At, string? Place,
        Guid? ChairUnitId, string? ChairName, string? Agenda, string? Decisions, List<Meeting.Participant>? Participants, int? Version = null);

    public sealed record AttendeeView(string Name, Guid? UnitId, string UnitName, Guid? AccountId, bool Present);
    public sealed record FollowUpView(Guid Id, string Text, Guid? CaseId, string? CaseNumber, bool CaseOpened, Guid? ProjectId, string ProjectTitle,
        DateTimeOffset At);
    public sealed record MeetingView(Guid Id, MeetingKind Kind, Guid? AllianceId, string AreaCode, string Topic, DateTimeOffset At,
        string Place, Guid? ChairUnitId, string ChairUnitName, string ChairName, bool Finalised, int Present, int Absent, int Version);
    public sealed record MeetingDetail(MeetingView Meeting, string Agenda, string Decisions, List<AttendeeView> Attendees, List<FollowUpView> FollowUps);

    public static void Map(RouteGroupBuilder g)
    {
        g.MapGet("/meetings", List);
        g.MapGet("/meetings/{id:guid}", Get);
        g.MapPost("/meetings", Create).RequireAuthorization(Permissions.CoBuilding.Manage);
        g.MapPut("/meetings/{id:guid}", Edit).RequireAuthorization(Permissions.CoBuilding.Manage);
    }

    public static async Task<Ok<List<MeetingView>>> List(Guid? allianceId, MeetingKind? kind, CivicGridDbContext db, CancellationToken ct)
    {
        var q = db.Meetings.AsNoTracking().Include(m => m.Attendees).AsQueryable();
        if (allianceId is { } a) q = q.Where(m => m.AllianceId == a);
        if (kind is { } k) q = q.Where(m => m.Kind == k);
        var meetings = await q.OrderByDescending(m => m.At).Take(200).ToListAsync(ct);
        var names = await Access.UnitNamesAsync(db, meetings.Select(m => m.ChairUnitId), ct);
        return TypedResults.Ok(meetings.Select(m => View(m, names)).ToList());
    }

    public static async Task<Results<Ok<MeetingDetail>, NotFound>> Get(Guid id, CivicGridDbContext db, CancellationToken ct) =>
        await DetailAsync(db, id, ct) is { } d ? TypedResults.Ok(d) : TypedResults.NotFound();

    public static async Task<Results<Created<MeetingDetail>, NotFound, ProblemHttpResult>> Create(Request r, CivicGridDbContext db,
        CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        string areaCode;
        var chair = r.ChairUnitId;
        if (r.AllianceId is { } allianceId)
        {
            var alliance = await db.Alliances.AsNoTracking().Include(a => a.Members).SingleOrDefaultAsync(a => a.Id == allianceId, ct);
            if (alliance is null) return TypedResults.NotFound();
            areaCode = alliance.AreaCode;
            chair ??= r.Kind == MeetingKind.JointMeeting ? alliance.NextChair(await ManageAlliances.LastChairAsync(db, alliance.Id, ct)) : null;
            if (chair is { } c && alliance.Members.All(m => m.UnitId != c)) return CoBuildingErrors.NotMember.ToProblem();
        }
        else
        {
            if (!Shared.AreaCode.TryParse(r.AreaCode, out var code) || code.Level is AreaLevel.City or AreaLevel.District)
                return CoBuildingErrors.AreaInvalid.ToProblem();
            areaCode = code.Value;
        }
        if (!user.Scope.Covers(areaCode)) return CoBuildingErrors.OutsideScope.ToProblem();
        var meeting = new Meeting { Id = Guid.CreateVersion7(now), Kind = r.Kind, AllianceId = r.AllianceId, AreaCode = areaCode, RecordedAt = now };
        if (await CheckParticipantsAsync(db, r, areaCode, ct) is { } bad) return bad.ToProblem();
        if (meeting.Edit(r.Topic ?? "", r.At, Access.Clip(r.Place, 200), chair, Access.Clip(r.ChairName, 50), r.Agenda ?? "",
                r.Decisions ?? "", r.Participants ?? [], now) is { } error)
            return error.ToProblem();
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/cobuilding/meetings/{meeting.Id}", (await DetailAsync(db, meeting.Id, ct))!);
    }

    public static async Task<Results<Ok<MeetingDetail>, NotFound, ProblemHttpResult>> Edit(Guid id, Request r, CivicGridDbContext db,
        TimeProvider clock, CancellationToken ct)
    {
        var meeting = await db.Meetings.Include(m => m.Attendees).SingleOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null) return TypedResults.NotFound();
        if (r.Version is { } v && v != meeting.Version) return Error.StaleWrite.ToProblem();
        if (await CheckParticipantsAsync(db, r, meeting.AreaCode, ct) is { } bad) return bad.ToProblem();
        var old = meeting.Attendees.ToList();
        if (meeting.Edit(r.Topic ?? "", r.At, Access.Clip(r.Place, 200), r.ChairUnitId ?? meeting.ChairUnitId, Access.Clip(r.ChairName, 50),
                r.Agenda ?? "", r.Decisions ?? "", r.Participants ?? [], clock.GetUtcNow()) is { } error)
            return error.ToProblem();
        db.RemoveRange(old);
        db.AddRange(meeting.Attendees);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok((await DetailAsync(db, id, ct))!);
    }

    static async Task<Error?> CheckParticipantsAsync(CivicGridDbContext db, Request r, string areaCode, CancellationToken ct)
    {
        if (r.ChairUnitId is { } chair && await Access.UnitInDistrictAsync(db, chair, areaCode, ct) is null) return CoBuildingErrors.UnknownUnit;
        var participants = r.Participants ?? [];
        foreach (var unit in participants.Where(p => p.UnitId is not null).Select(p => p.UnitId!.Value).Distinct())
            if (await Access.UnitInDistrictAsync(db, unit, areaCode, ct) is null) return CoBuildingErrors.UnknownUnit;
        var accounts = participants.Where(p => p.AccountId is not null).Select(p => p.AccountId!.Value).Distinct().ToList();
        if (accounts.Count > 0 && await db.Users.CountAsync(u => accounts.Contains(u.Id), ct) != accounts.Count) return CoBuildingErrors.AccountUnknown;
        return null;
    }

    static MeetingView View(Meeting m, Dictionary<Guid, string> names) => new(m.Id, m.Kind, m.AllianceId, m.AreaCode, m.Topic, m.At, m.Place,
        m.ChairUnitId, names.Name(m.ChairUnitId), m.ChairName, m.FinalisedAt is not null, m.Attendees.Count(a => a.Present),
        m.Attendees.Count(a => !a.Present), m.Version);

    public static async Task<MeetingDetail?> DetailAsync(CivicGridDbContext db, Guid id, CancellationToken ct)
    {
        var m = await db.Meetings.AsNoTracking().Include(x => x.Attendees).Include(x => x.FollowUps).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (m is null) return null;
        var names = await Access.UnitNamesAsync(db, m.Attendees.Select(a => a.UnitId).Append(m.ChairUnitId), ct);
        var projectIds = m.FollowUps.Where(f => f.ProjectId != null).Select(f => f.ProjectId!.Value).ToList();
        var titles = await db.CoBuildingProjects.IgnoreQueryFilters([DataScope.FilterName]).Where(p => projectIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.Title, ct);
        return new MeetingDetail(View(m, names), m.Agenda, m.Decisions,
            m.Attendees.OrderByDescending(a => a.Present).ThenBy(a => a.Name)
                .Select(a => new AttendeeView(a.Name, a.UnitId, names.Name(a.UnitId), a.AccountId, a.Present)).ToList(),
            m.FollowUps.OrderBy(f => f.At).Select(f => new FollowUpView(f.Id, f.Text, f.CaseId, f.CaseNumber, f.CaseOpened, f.ProjectId,
                f.ProjectId is { } p ? titles.GetValueOrDefault(p, "") : "", f.At)).ToList());
    }
}
