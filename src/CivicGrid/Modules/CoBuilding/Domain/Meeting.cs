using CivicGrid.Shared;

namespace CivicGrid.Modules.CoBuilding.Domain;

/// <summary>The kinds of meeting record, all of one shape (DOMAIN.md §4 协商议事).</summary>
public enum MeetingKind
{
    /// <summary>联席会议: an alliance's joint meeting, chaired in turn by the member units.</summary>
    JointMeeting = 1,
    /// <summary>网格议事会: residents and units of a grid settle a grid matter.</summary>
    GridCouncil = 2,
    /// <summary>圆桌会议: residents' committee, owners' committee and property company around one table.</summary>
    RoundTable = 3,
}

/// <summary>
/// A meeting record (会议记录): kind, topic, time, place, chair, agenda, attendance, decisions, and the follow-ups that
/// carry its decisions into the case loop or a project. While a draft it may be edited; finalising (定稿) fixes it and
/// credits each present participant with an account for attending (one points event per person and meeting).
/// </summary>
public sealed class Meeting : IScoped, IVersioned
{
    public Guid Id { get; set; }
    /// <summary>The alliance's area, or the community or grid the consultation is about.</summary>
    public string AreaCode { get; set; } = "";
    public Guid? AllianceId { get; set; }
    public MeetingKind Kind { get; set; }
    public string Topic { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public string Place { get; set; } = "";
    public Guid? ChairUnitId { get; set; }
    /// <summary>Chair's name when the chair is a person rather than a unit (e.g. the community secretary).</summary>
    public string ChairName { get; set; } = "";
    public string Agenda { get; set; } = "";
    public string Decisions { get; set; } = "";
    public DateTimeOffset? FinalisedAt { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public int Version { get; set; }
    public List<MeetingAttendee> Attendees { get; set; } = [];
    public List<MeetingFollowUp> FollowUps { get; set; } = [];

    public sealed record Participant(string Name, Guid? UnitId, Guid? AccountId, bool Present);

    /// <summary>Replaces the draft's agenda, decisions and attendance; refused once finalised.</summary>
    public Error? Edit(string topic, DateTimeOffset at, string place, Guid? chairUnitId, string chairName, string agenda,
        string decisions, IReadOnlyList<Participant> participants, DateTimeOffset now)
    {
        if (FinalisedAt is not null) return CoBuildingErrors.MeetingFinalised;
        if (string.IsNullOrWhiteSpace(topic)) return CoBuildingErrors.TitleRequired;
        (Topic, At, Place, ChairUnitId, ChairName, Agenda, Decisions) = (topic.Trim(), at, place.Trim(), chairUnitId, chairName.Trim(), agenda, decisions);
        Attendees.Clear();
        foreach (var p in participants.Where(p => !string.IsNullOrWhiteSpace(p.Name)))
            Attendees.Add(new MeetingAttendee
            {
                Id = Guid.CreateVersion7(now), MeetingId = Id, Name = p.Name.Trim(), UnitId = p.UnitId, AccountId = p.AccountId, Present = p.Present,
            });
        return null;
    }

    /// <summary>Fixes the record; returns the accounts that attended, each once, for their points.</summary>
    public Result<IReadOnlyList<Guid>> Finalise(DateTimeOffset now)
    {
        if (FinalisedAt is not null) return CoBuildingErrors.MeetingFinalised;
        FinalisedAt = now;
        return Result<IReadOnlyList<Guid>>.Ok(Attendees.Where(a => a.Present && a.AccountId is not null)
            .Select(a => a.AccountId!.Value).Distinct().ToList());
    }

    /// <summary>The community whose points rules apply to attendance: the meeting's community (a grid's parent); a street
    /// meeting's street code, where no community rule applies unless the street sets one.</summary>
    public string PointsAreaCode => AreaCode.Length > 12 ? AreaCode[..12] : AreaCode;
}

/// <summary>One participant and whether they came (出席/缺席).</summary>
public sealed class MeetingAttendee
{
    public Guid Id { get; set; }
    public Guid MeetingId { get; set; }
    public string Name { get; set; } = "";
    public Guid? UnitId { get; set; }
    public Guid? AccountId { get; set; }
    public bool Present { get; set; }
}

/// <summary>What a decision leads to (后续事项): a case in the closed loop, or a co-building project.</summary>
public sealed class MeetingFollowUp
{
    public Guid Id { get; set; }
    public Guid MeetingId { get; set; }
    public string Text { get; set; } = "";
    public Guid? CaseId { get; set; }
    public string? CaseNumber { get; set; }
    /// <summary>True when this follow-up opened the case through the intake (立案): the case then shows "来自会议"
    /// (<c>Features/MeetingOrigin.cs</c>). False when it names a case that already existed.</summary>
    public bool CaseOpened { get; set; }
    public Guid? ProjectId { get; set; }
    public DateTimeOffset At { get; set; }
}
