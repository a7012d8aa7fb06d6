using CivicGrid.Jobs;
using CivicGrid.Modules.CoBuilding.Domain;
using CivicGrid.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.CoBuilding.Jobs;

/// <summary>
/// Flags late project milestones (里程碑逾期) exactly once: a milestone past its due time, not done, of a project still
/// in progress, gets its <see cref="Milestone.LateFlaggedAt"/> and one entry in the project's log. Milestone due times
/// are calendar instants (the unit set them backwards from the deadline, 倒排工期), not working-time limits.
/// </summary>
public sealed class MilestoneSweep(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration config, ILogger<MilestoneSweep> log)
    : SkipLockedSweep(scopes, clock, config, log)
{
    protected override async Task<List<Guid>> ClaimAsync(CivicGridDbContext db, DateTimeOffset now, int batch, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
            return await db.Database.SqlQuery<Guid>($"""
                SELECT m."Id" AS "Value" FROM "CoBuildingMilestones" m
                JOIN "CoBuildingProjects" p ON p."Id" = m."ProjectId"
                WHERE m."DoneAt" IS NULL AND m."LateFlaggedAt" IS NULL AND m."Due" < {now} AND p."Status" = {(int)ProjectStatus.Claimed}
                LIMIT {batch}
                FOR UPDATE OF m SKIP LOCKED
                """).ToListAsync(ct);
        return await db.CoBuildingMilestones
            .Where(m => m.DoneAt == null && m.LateFlaggedAt == null && m.Due < now
                && db.CoBuildingProjects.Any(p => p.Id == m.ProjectId && p.Status == ProjectStatus.Claimed))
            .OrderBy(m => m.Id).Select(m => m.Id).Take(batch).ToListAsync(ct);
    }

    protected override async Task<int> ApplyAsync(CivicGridDbContext db, List<Guid> ids, DateTimeOffset now, CancellationToken ct)
    {
        var milestones = await db.CoBuildingMilestones.Where(m => ids.Contains(m.Id)).ToListAsync(ct);
        var projectIds = milestones.Select(m => m.ProjectId).Distinct().ToList();
        var projects = await db.CoBuildingProjects.Where(p => projectIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var changed = 0;
        foreach (var m in milestones)
        {
            var project = projects[m.ProjectId];
            var count = project.Entries.Count;
            if (!project.FlagLate(m, now)) continue;
            db.AddRange(project.Entries.Skip(count));
            changed++;
        }
        return changed;
    }
}
