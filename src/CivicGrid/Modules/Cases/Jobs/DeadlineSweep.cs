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

    static string Numbers(IEnumerable<CaseStatus> statuses) => string.Join(", ", statuses.Select(st => ((int)st).ToString()));

    /// <summary>
    /// Cases with handlers and a light to change: the partial indexes behind the sweep hold exactly these rows, so
    /// finding them reads what is due, not every open case (constants, not parameters, so the planner can match them).
    /// </summary>
    internal static readonly string WithHandlersSql = $"\"Status\" IN ({Numbers(CaseStatuses.WithHandlers)})";
    internal static readonly string YellowPendingSql = $"\"Light\" = {(int)DeadlineStatus.Green} AND {WithHandlersSql}";
    internal static readonly string RedPendingSql = $"\"Light\" <> {(int)DeadlineStatus.Red} AND {WithHandlersSql}";
    internal const string ReminderPendingSql = "\"Active\" AND \"SignedAt\" IS NULL AND NOT \"ResponseReminded\"";
    internal static readonly string ReturnsPendingSql =
        $"\"ReturnCount\" >= {Case.RepeatedReturns} AND NOT \"Supervised\" AND \"Status\" NOT IN ({Numbers(CaseStatuses.Finished)})";

    /// <summary>
    /// The PostgreSQL claim: each reason for a visit read through its own partial index (at most a batch each), then
    /// the cases locked <c>FOR UPDATE SKIP LOCKED</c>. {0} is now, {1} the batch. The late signers are read first on their
    /// own (a materialized step): joined freely, the planner misjudged them from the column's statistics and walked every
    /// open case instead (4.3 s over the 10-million-case fixture). A whole-table condition with ORs and a
    /// correlated EXISTS read every case and every open case's assignments on each tick (10 million cases: a sequential
    /// scan every 30 s, bench/RESULTS.md).
    /// </summary>
    internal static readonly string ClaimSql = $$"""
        WITH reminders AS MATERIALIZED (
            SELECT "CaseId" FROM "CaseAssignments" WHERE {{ReminderPendingSql}} AND "ResponseDue" < {0})
        SELECT c."Id" AS "Value" FROM "Cases" c
        WHERE c."Id" IN (
            (SELECT "Id" FROM "Cases" WHERE {{YellowPendingSql}} AND "HandlingYellowAt" < {0} LIMIT {1})
            UNION (SELECT "Id" FROM "Cases" WHERE {{RedPendingSql}} AND "HandlingDue" < {0} LIMIT {1})
            UNION (SELECT o."Id" FROM reminders r JOIN "Cases" o ON o."Id" = r."CaseId" WHERE o.{{WithHandlersSql}} LIMIT {1})
            UNION (SELECT "Id" FROM "Cases" WHERE {{ReturnsPendingSql}} LIMIT {1}))
        LIMIT {1}
        FOR UPDATE SKIP LOCKED
        """;

    /// <summary>The cases with something due: a light to change, a late signer to remind, repeated returns to flag.</summary>
    protected override async Task<List<Guid>> ClaimAsync(CivicGridDbContext db, DateTimeOffset now, int batch, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
            return await db.Database.SqlQueryRaw<Guid>(ClaimSql, now, batch).ToListAsync(ct);

        var withHandlers = CaseStatuses.WithHandlers;
        var finished = CaseStatuses.Finished;
        return await db.Cases
            .Where(c => (withHandlers.Contains(c.Status) && (
                    (c.Light == DeadlineStatus.Green && c.HandlingYellowAt < now)
                 || (c.Light != DeadlineStatus.Red && c.HandlingDue < now)
                 || c.Assignments.Any(a => a.Active && a.SignedAt == null && !a.ResponseReminded && a.ResponseDue < now)))
                || (c.ReturnCount >= Case.RepeatedReturns && !c.Supervised && !finished.Contains(c.Status)))
            .OrderBy(c => c.Id).Select(c => c.Id).Take(batch).ToListAsync(ct);
    }
}
