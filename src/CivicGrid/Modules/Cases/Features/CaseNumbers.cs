using CivicGrid.Modules.Calendar.Domain;
using CivicGrid.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.Cases.Features;

/// <summary>
/// Hands out case numbers, unique per district and year: 370303-2026-000123. The counter moves in its own short
/// statement before the intake's transaction, so concurrent reports never wait on each other's transaction; a
/// report that then fails leaves a gap, as a database sequence would.
/// </summary>
public static class CaseNumbers
{
    public static async Task<string> NextAsync(CivicGridDbContext db, string districtCode, DateTimeOffset now, CancellationToken ct)
    {
        var year = now.ToOffset(WorkingCalendar.ChinaStandardTime).Year;
        var key = $"{districtCode}-{year}";
        var last = (await db.Database.SqlQuery<int>($"""
            INSERT INTO "CaseNumberCounters" ("Key", "Last") VALUES ({key}, 1)
            ON CONFLICT ("Key") DO UPDATE SET "Last" = "CaseNumberCounters"."Last" + 1
            RETURNING "Last" AS "Value"
            """).ToListAsync(ct)).Single();
        return $"{key}-{last:D6}";
    }
}
