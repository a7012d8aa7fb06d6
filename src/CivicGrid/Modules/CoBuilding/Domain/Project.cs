using CivicGrid.Shared;

namespace CivicGrid.Modules.CoBuilding.Domain;

public enum ProjectStatus
{
    Open = 1,       // 待认领
    Claimed = 2,    // 实施中
    Completed = 3,  // 已完成，待评价
    Evaluated = 4,  // 已评价
}

public enum ProjectEntryKind
{
    Progress = 1,       // 进度报告
    MilestoneLate = 2,  // 里程碑逾期 (written by the sweep, once per milestone)
    Completion = 3,     // 完成佐证
    Evaluation = 4,     // 评价
}

/// <summary>
/// A co-building project (项目清单) the big party committee defines for a year; a unit claims it, plans it with
/// milestones (倒排工期), reports progress with photos, proves completion, and is evaluated with a score. The log of
/// entries is append-only; the milestone sweep adds one <see cref="ProjectEntryKind.MilestoneLate"/> entry per late
/// milestone.
/// </summary>
public sealed class Project : IScoped, IVersioned
{
    public Guid Id { get; set; }
    /// <summary>The community (大党委) or street (大工委) that defined it.</summary>
    public string AreaCode { get; set; } = "";
    public int Year { get; set; }
    public string Title { get; set; } = "";
    public string Category { get; set; } = "";
    public string Description { get; set; } = "";
    public ProjectStatus Status { get; set; }
    public Guid? ClaimedByUnitId { get; set; }
    public DateTimeOffset? ClaimedAt { get; set; }
    public string Plan { get; set; } = "";
    public DateTimeOffset? CompletedAt { get; set; }
    /// <summary>The unit's evaluation (0–100) by the committee.</summary>
    public int? Score { get; set; }
    public string Evaluation { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; set; }
    public List<Milestone> Milestones { get; set; } = [];
    public List<ProjectEntry> Entries { get; set; } = [];

    public sealed record MilestoneSpec(string Title, DateTimeOffset Due);

    public Error? ClaimBy(Guid unitId, DateTimeOffset now)
    {
        if (Status != ProjectStatus.Open) return CoBuildingErrors.ProjectTaken;
        (Status, ClaimedByUnitId, ClaimedAt) = (ProjectStatus.Claimed, unitId, now);
        return null;
    }

    /// <summary>Sets the plan and adds milestones; milestones already done or flagged stay as they are.</summary>
    public Error? PlanWith(string plan, IReadOnlyList<MilestoneSpec> milestones, DateTimeOffset now)
    {
        if (Status != ProjectStatus.Claimed) return CoBuildingErrors.ProjectState;
        if (milestones.Count == 0 && Milestones.Count == 0) return CoBuildingErrors.MilestonesRequired;
        if (milestones.Any(m => string.IsNullOrWhiteSpace(m.Title))) return CoBuildingErrors.MilestonesRequired;
        Plan = plan.Trim();
        var seq = Milestones.Count;
        foreach (var m in milestones.OrderBy(m => m.Due))
            Milestones.Add(new Milestone { Id = Guid.CreateVersion7(now), ProjectId = Id, Seq = ++seq, Title = m.Title.Trim(), Due = m.Due });
        return null;
    }

    public Error? ReportProgress(string text, Guid? milestoneDone, string byName, IReadOnlyList<ProjectPhoto> photos, DateTimeOffset now)
    {
        if (Status != ProjectStatus.Claimed) return CoBuildingErrors.ProjectState;
        if (milestoneDone is { } id)
        {
            if (Milestones.FirstOrDefault(m => m.Id == id) is not { } m) return CoBuildingErrors.MilestoneUnknown;
            m.DoneAt ??= now;
        }
        Entries.Add(Entry(ProjectEntryKind.Progress, text, milestoneDone, byName, photos, now));
        return null;
    }

    public Error? Complete(string text, string byName, IReadOnlyList<ProjectPhoto> proof, DateTimeOffset now)
    {
        if (Status != ProjectStatus.Claimed) return CoBuildingErrors.ProjectState;
        if (proof.Count == 0) return CoBuildingErrors.ProofRequired;
        (Status, CompletedAt) = (ProjectStatus.Completed, now);
        foreach (var m in Milestones) m.DoneAt ??= now;
        Entries.Add(Entry(ProjectEntryKind.Completion, text, null, byName, proof, now));
        return null;
    }

    public Error? Evaluate(int score, string comment, string byName, DateTimeOffset now)
    {
        if (Status is not (ProjectStatus.Completed or ProjectStatus.Evaluated)) return CoBuildingErrors.ProjectState;
        if (score is < 0 or > 100) return CoBuildingErrors.ScoreInvalid;
        (Status, Score, Evaluation) = (ProjectStatus.Evaluated, score, comment.Trim());
        Entries.Add(Entry(ProjectEntryKind.Evaluation, $"{score}分 {comment}".Trim(), null, byName, [], now));
        return null;
    }

    /// <summary>The sweep's move: a milestone past due and not done is flagged once; false when there is nothing to do.</summary>
    public bool FlagLate(Milestone m, DateTimeOffset now)
    {
        if (m.DoneAt is not null || m.LateFlaggedAt is not null || m.Due >= now || Status != ProjectStatus.Claimed) return false;
        m.LateFlaggedAt = now;
        Entries.Add(Entry(ProjectEntryKind.MilestoneLate, $"里程碑「{m.Title}」已逾期", m.Id, "系统", [], now));
        return true;
    }

    ProjectEntry Entry(ProjectEntryKind kind, string text, Guid? milestone, string byName, IReadOnlyList<ProjectPhoto> photos, DateTimeOffset now)
    {
        var entry = new ProjectEntry { Id = Guid.CreateVersion7(now), ProjectId = Id, Kind = kind, Text = text.Trim(), MilestoneId = milestone, ByName = byName, At = now };
        foreach (var p in photos) { p.EntryId = entry.Id; entry.Photos.Add(p); }
        return entry;
    }
}

/// <summary>A milestone (里程碑) with its due time; late ones are flagged by <c>MilestoneSweep</c>.</summary>
public sealed class Milestone
{
    public Guid Id { get; set; }
    public Guid ProjectId { get; set; }
    public int Seq { get; set; }
    public string Title { get; set; } = "";
    public DateTimeOffset Due { get; set; }
    public DateTimeOffset? DoneAt { get; set; }
    /// <summary>Set once, by the sweep, when the milestone passed its due time undone.</summary>
    public DateTimeOffset? LateFlaggedAt { get; set; }
}

/// <summary>One entry of a project's log: progress, a late flag, the completion proof, the evaluation.</summary>
public sealed class ProjectEntry
{
    public Guid Id { get; set; }
    public Guid ProjectId { get; set; }
    public ProjectEntryKind Kind { get; set; }
    public string Text { get; set; } = "";
    public Guid? MilestoneId { get; set; }
    public string ByName { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public List<ProjectPhoto> Photos { get; set; } = [];
}

/// <summary>A photo or document of an entry, stored through Shared/Files like a case's.</summary>
public sealed class ProjectPhoto
{
    public Guid Id { get; set; }
    public Guid EntryId { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public string StorageKey { get; set; } = "";
}
