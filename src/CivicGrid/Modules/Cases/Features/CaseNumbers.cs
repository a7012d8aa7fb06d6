using System.Collections.Concurrent;
using CivicGrid.Modules.Calendar.Domain;
using CivicGrid.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.Cases.Features;

/// <summary>
/// Hands out case numbers, unique per district and year: 370303-2026-000123. The counter moves in its own short
/// statement before the intake's transaction, so concurrent reports never wait on each other's transaction; a report
/// that then fails leaves a gap, as a database sequence would.
/// <para>
/// When reports come one at a time the counter moves by one for each. Under load an instance takes a block of numbers
/// at once: each time it needs a block within a second of the last one, the next block is twice as large (up to
/// <see cref="MaxBlock"/>); after a quiet second it is back to one. So numbers stay unique with any number of instances,
/// a busy instance moves the counter a few times a second instead of for every report, and only a stop under load
/// leaves a gap of its unused numbers. Numbers given out by two busy instances interleave out of time order.
/// </para>
/// </summary>
public sealed class CaseNumbers
{
    public const int MaxBlock = 64;

    sealed class Block
    {
        public readonly SemaphoreSlim Gate = new(1, 1);
        public int Next = 1, Last, Size = 1;
        public long TakenAt = long.MinValue / 2;
    }

    readonly ConcurrentDictionary<string, Block> _blocks = new();

    public async Task<string> NextAsync(CivicGridDbContext db, string districtCode, DateTimeOffset now, CancellationToken ct)
    {
        var year = now.ToOffset(WorkingCalendar.ChinaStandardTime).Year;
        var key = $"{districtCode}-{year}";
        var block = _blocks.GetOrAdd(key, _ => new Block());
        await block.Gate.WaitAsync(ct);
        try
        {
            if (block.Next > block.Last)
            {
                var tick = Environment.TickCount64;
                var size = tick - block.TakenAt < 1000 ? Math.Min(block.Size * 2, MaxBlock) : 1;
                var last = await ReserveAsync(db, key, size, ct);
                (block.Next, block.Last, block.Size, block.TakenAt) = (last - size + 1, last, size, tick);
            }
            return $"{key}-{block.Next++:D6}";
        }
        finally { block.Gate.Release(); }
    }

    /// <summary>Moves the counter on by <paramref name="size"/> and answers the last number of the block it reserved.</summary>
    static async Task<int> ReserveAsync(CivicGridDbContext db, string key, int size, CancellationToken ct) =>
        (await db.Database.SqlQuery<int>($"""
            INSERT INTO "CaseNumberCounters" ("Key", "Last") VALUES ({key}, {size})
            ON CONFLICT ("Key") DO UPDATE SET "Last" = "CaseNumberCounters"."Last" + {size}
            RETURNING "Last" AS "Value"
            """).ToListAsync(ct)).Single();
}
