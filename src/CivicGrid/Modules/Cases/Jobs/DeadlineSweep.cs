using CivicGrid.Modules.Calendar.Domain;
using CivicGrid.Modules.Cases.Domain;
using CivicGrid.Jobs;
using CivicGrid.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.Cases.Jobs;

/// <summary>
/// Turns cases yellow and red, reminds late signers and flags cases for supervision (DOMAIN.md §3), each exactly once:
/// the case records what it already did (its light, the reminded flag, the supervision flag), so a restart or a second
/// instance finds nothing left to do. On PostgreSQL each batch is claimed with <c>FOR UPDATE SKIP LOCKED</c>, so
/// instances never sweep the same case at once; on SQLite there is one writer anyway. The timer, batches and transaction
/// are <see cref="SkipLockedSweep"/>'s.
/// </summary>
public sealed class DeadlineSweep(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration config, ILogger<DeadlineSweep> log)
    : SkipLockedSweep(scopes, clock, config, log)
{
    protected override async Task<int> ApplyAsync(CivicGridDbContext db, List<Guid> ids, DateTimeOffset now, CancellationToken ct)
    {
        var cases = await db.Cases.Include(c => c.Assignments).Where(c => ids.Contains(c.Id)).ToListAsync(ct);
        return cases.Count(c => c.Sweep(now));
    }

    static readonly int[] WithHandlers = CaseStatuses.WithHandlers.Select(s => (int)s).ToArray();
    static readonly int[] Finished = CaseStatuses.Finished.Select(s => (int)s).ToArray();

    /// <summary>The cases with something due: a light to change, a late signer to remind, repeated returns to flag.</summary>
    protected override async Task<List<Guid>> ClaimAsync(CivicGridDbContext db, DateTimeOffset now, int batch, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
            return await db.Database.SqlQuery<Guid>($"""
                SELECT c."Id" AS "Value" FROM "Cases" c
                WHERE (c."Status" = ANY({WithHandlers}) AND (
                        (c."Light" = {(int)DeadlineStatus.Green} AND c."HandlingYellowAt" < {now})
                     OR (c."Light" <> {(int)DeadlineStatus.Red} AND c."HandlingDue" < {now})
                     OR EXISTS (SELECT 1 FROM "CaseAssignments" a WHERE a."CaseId" = c."Id" AND a."Active"
                                AND a."SignedAt" IS NULL AND NOT a."ResponseReminded" AND a."ResponseDue" < {now})))
                   OR (c."ReturnCount" >= {Case.RepeatedReturns} AND NOT c."Supervised" AND NOT (c."Status" = ANY({Finished})))
                LIMIT {batch}
                FOR UPDATE SKIP LOCKED
                """).ToListAsync(ct);

        var withHandlers = CaseStatuses.WithHandlers;
        var finished = CaseStatuses.Finished;
        return await db.Cases
            .Where(c => (withHandlers.Contains(c.Status) && (
                    (c.Light == DeadlineStatus.Green && c.HandlingYellowAt < now)
                 || (c.Light != DeadlineStatus.Red && c.HandlingDue < now)
                 || c.Assignments.Any(a => a.Active && a.SignedAt == null && !a.ResponseReminded && a.ResponseDue < now)))
                || (c.ReturnCount >= Case.RepeatedReturns && !c.Supervised && !finished.Contains(c.Status)))
            .Select(c => c.Id).Take(batch).ToListAsync(ct);
    }
}
