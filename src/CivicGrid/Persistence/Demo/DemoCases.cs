using CivicGrid.Modules.Areas.Domain;
using CivicGrid.Modules.Calendar.Data;
using CivicGrid.Modules.Calendar.Domain;
using CivicGrid.Modules.Cases.Catalog;
using CivicGrid.Modules.Cases.Domain;
using CivicGrid.Modules.Cases.Features;
using CivicGrid.Modules.Cases.Figures;
using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Modules.People.Domain;
using CivicGrid.Shared;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Persistence.Demo;

/// <summary>
/// Months of case history up to today, made by running every case through the real <see cref="Case"/> transitions at
/// simulated times — so the history, the lights, the counts and the figures are what the loop itself produces, not
/// numbers typed in. Every source, catalog item and side path occurs: on-the-spot, rejection, return and re-dispatch,
/// escalation and whistle, extension, failed verification, dissatisfied ratings and reopening, merge, overdue.
/// </summary>
static class DemoCases
{
    sealed record Units(Dictionary<string, List<Organisation>> ByDuty, Dictionary<string, Organisation> CommitteeOf, Organisation Fallback);

    public static async Task<int> SeedAsync(IServiceProvider services, DemoSize size, CancellationToken ct)
    {
        await using var db = SystemDb.Open(services);
        return (int)await TellAsync(services, db, size.CasesPerDay, size.CaseDays, new Random(2026_11_23), null,
            batch => SaveAsync(db, batch, ct), ct);
    }

    /// <summary>
    /// The benchmark fixture (issue 3, bench/README.md): about <paramref name="total"/> more cases over the last
    /// <paramref name="days"/> days, told by the same stories, written with <see cref="BulkInsert"/> (cases, assignments,
    /// history, attachments; no notices) one day at a time. Their history is counted into the rollups here with the
    /// projection's own <see cref="FigureTally"/> and stored as already projected, so the dashboards show them at once.
    /// </summary>
    public static async Task<long> SeedBulkAsync(IServiceProvider services, long total, int days, Action<long> progress, CancellationToken ct)
    {
        await using var db = SystemDb.Open(services);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var tally = new FigureTally();
        var written = 0L;
        // History ids are an identity column: the fixture numbers its entries after the stored ones, then moves the
        // sequence past them (PostgreSQL; SQLite's rowid follows the largest id by itself).
        var nextId = (await db.CaseTransitions.MaxAsync(t => (long?)t.Id, ct) ?? 0) + 1;
        var made = await TellAsync(services, db, (int)Math.Max(1, total / days), days, new Random(7), total, async batch =>
        {
            var transitions = batch.SelectMany(c => c.NewTransitions).ToList();
            foreach (var t in transitions) { t.Id = nextId++; t.Projected = true; tally.Add(t); }
            await using (var tx = await db.Database.BeginTransactionAsync(ct))
            {
                await BulkInsert.WriteAsync(db, batch, ct);
                await BulkInsert.WriteAsync(db, batch.SelectMany(c => c.Assignments), ct);
                await BulkInsert.WriteAsync(db, transitions, ct);
                await BulkInsert.WriteAsync(db, batch.SelectMany(c => c.NewAttachments), ct);
                await tx.CommitAsync(ct);
            }
            written += batch.Count;
            batch.Clear();
            progress(written);
        }, ct);
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            await tally.WriteAsync(db, ct);
            if (db.Database.IsNpgsql())
                await db.Database.ExecuteSqlRawAsync("""
                    SELECT setval(pg_get_serial_sequence('"CaseTransitions"', 'Id'), (SELECT max("Id") FROM "CaseTransitions"))
                    """, ct);
            await tx.CommitAsync(ct);
        }
        return made;
    }

    /// <summary>
    /// Tells stories day by day. With a <paramref name="total"/> (the fixture), each day's draw keeps the running count on
    /// its share, so stories that end before they start are made up the following day and the last day tells until the
    /// total is reached; without one, each day draws around <paramref name="casesPerDay"/>.
    /// </summary>
    static async Task<long> TellAsync(IServiceProvider services, CivicGridDbContext db, int casesPerDay, int caseDays, Random random,
        long? total, Func<List<Case>, Task> write, CancellationToken ct)
    {
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var size = (CasesPerDay: casesPerDay, CaseDays: caseDays);
        var items = await db.CatalogItems.AsNoTracking().Where(i => !i.Retired).OrderBy(i => i.Code).ToListAsync(ct);
        if (items.Count == 0 || size.CasesPerDay == 0) return 0;
        var grids = await db.Areas.AsNoTracking().Where(a => a.Level == AreaLevel.Grid && a.Boundary != null).OrderBy(a => a.AreaCode).ToListAsync(ct);
        var orgs = await db.Organisations.AsNoTracking().Where(o => o.Duty != null).ToListAsync(ct);
        var units = new Units(
            orgs.GroupBy(o => o.Duty!).ToDictionary(g => g.Key, g => g.ToList()),
            orgs.Where(o => o.Duty == "社区").ToDictionary(o => o.AreaCode),
            orgs.First(o => o.Kind == OrganisationKind.Department));
        var resident = await db.Users.AsNoTracking().Where(u => u.UserName == "resident1").Select(u => (Guid?)u.Id).SingleOrDefaultAsync(ct);
        var calendar = new WorkingCalendar(OfficialCalendars.Load(), WorkingHours.Default);
        var photos = await DemoPhotos.StoreAsync(services.GetRequiredService<Shared.Files.IFileStore>(), ct);
        var names = DemoNames.Surnames;

        var start = now.AddDays(-size.CaseDays);
        var made = 0L;
        var merges = 0; // the first open case that can have a duplicate gets one: the demo always shows a merge
        // Numbers continue after the cases already stored (the fixture comes after the demo's own history).
        var counters = await db.CaseNumberCounters.AsNoTracking().ToDictionaryAsync(c => c.Key, c => c.Last, ct);
        var stored = counters.Keys.ToHashSet();
        var batch = new List<Case>();
        for (var day = 0; day < size.CaseDays; day++)
        {
            var jitter = random.Next(size.CasesPerDay + 1) - size.CasesPerDay / 2;
            var last = day == size.CaseDays - 1;
            var count = total is not { } t ? size.CasesPerDay + jitter
                : last ? (int)(t - made) : (int)Math.Max(0, t * (day + 1) / size.CaseDays - made + jitter);
            for (var k = 0; k < count || (last && made < total && k < 4 * count + 100); k++)
            {
                var at = start.AddDays(day).AddMinutes(random.Next(60 * 8, 60 * 20) - 8 * 60); // 08:00–20:00 China time
                if (at >= now) continue;
                var grid = grids[random.Next(grids.Count)];
                var item = items[random.Next(items.Count)];
                var district = grid.AreaCode[..6];
                var year = at.ToOffset(WorkingCalendar.ChinaStandardTime).Year;
                var key = $"{district}-{year}";
                counters[key] = counters.GetValueOrDefault(key) + 1;
                try
                {
                    var story = new Story(random, calendar, units, item, grid, $"{key}-{counters[key]:D6}", at, now, names,
                        made % 97 == 0 ? resident : null, photos.Before, photos.After);
                    var c = Run(story);
                    if (c is null) continue;
                    batch.Add(c);
                    made++;
                    // Now and then a neighbour reports the same open problem again, and the community folds it in (并单).
                    // Not in the bulk fixture, which makes exactly the total asked for.
                    if (total is null && c.Status.IsOpen() && (merges == 0 || random.Next(100) < 3)
                        && DuplicateTime(c, now, random) is { } again && again.ToOffset(WorkingCalendar.ChinaStandardTime).Year == year)
                    {
                        counters[key]++;
                        batch.Add(Duplicate(story with { Number = $"{key}-{counters[key]:D6}", At = again }, c));
                        made++;
                        merges++;
                    }
                }
                catch (CalendarYearNotLoadedException) { } // a story running into an unloaded year simply stops being told
            }
            if (batch.Count >= 500) await write(batch);
        }
        if (batch.Count > 0) await write(batch);
        foreach (var (key, last) in counters)
        {
            if (stored.Contains(key)) db.CaseNumberCounters.Update(new CaseNumberCounter { Key = key, Last = last });
            else db.CaseNumberCounters.Add(new CaseNumberCounter { Key = key, Last = last });
        }
        await db.SaveChangesAsync(ct);
        return made;
    }

    static async Task SaveAsync(CivicGridDbContext db, List<Case> batch, CancellationToken ct)
    {
        db.Cases.AddRange(batch);
        await db.SaveChangesAsync(ct); // the history writer adds transitions, attachments and notices
        db.ChangeTracker.Clear();
        batch.Clear();
    }

    sealed record Story(Random R, WorkingCalendar Calendar, Units Units, CatalogItem Item, Area Grid, string Number,
        DateTimeOffset At, DateTimeOffset Now, string[] Names, Guid? ResidentAccount, StoredFile Before, StoredFile After);

    static readonly (CaseSource Source, int Weight)[] Sources =
    [
        (CaseSource.Patrol, 40), (CaseSource.Resident, 25), (CaseSource.Hotline, 15), (CaseSource.Phone, 6),
        (CaseSource.WalkIn, 5), (CaseSource.HomeVisit, 5), (CaseSource.SecretaryLine, 3), (CaseSource.Open311, 1),
    ];

    /// <summary>Tells one case's story up to now; each step happens some working hours after the one before.</summary>
    static Case? Run(Story s)
    {
        var r = s.R;
        var community = s.Grid.AreaCode[..12];
        var street = s.Grid.AreaCode[..9];
        var source = s.ResidentAccount is not null ? CaseSource.Resident : Pick(r, Sources);
        var gridWorker = new Actor(null, $"{s.Grid.Name}网格员", DataScope.For([s.Grid.AreaCode], [], null));
        var communityStaff = new Actor(null, "社区工作人员", DataScope.For([community], [], null));
        var streetStaff = new Actor(null, "街道工作人员", DataScope.For([street], [], null));
        var districtStaff = new Actor(null, "区级指挥中心", DataScope.For([s.Grid.AreaCode[..6]], [], null));
        var reporterName = source switch
        {
            CaseSource.Patrol => gridWorker.Name,
            _ => s.Names[r.Next(s.Names.Length)] + (r.Next(2) == 0 ? "先生" : "女士"),
        };
        // Residents report from their own accounts; the demo does not create an account for each of them.
        var residentAccount = source is CaseSource.Resident ? s.ResidentAccount ?? RandomGuid(r) : (Guid?)null;
        var reporter = source == CaseSource.Patrol ? gridWorker : new Actor(residentAccount, reporterName, DataScope.Nothing);
        var centre = s.Grid.Boundary!.InteriorPoint;
        var intake = new Case.Intake(s.Number, s.Grid.AreaCode, source, s.Item, Description(s.Item, r), centre.X, centre.Y,
            $"{s.Grid.Name}{r.Next(1, 9)}号楼附近", r.Next(20) == 0 ? CasePriority.Urgent : CasePriority.Normal, reporterName,
            source == CaseSource.Patrol || r.Next(3) == 0 ? [s.Before] : []);
        var t = s.At;
        DateTimeOffset Later(double minHours, double maxHours) => t = s.Calendar.AddWorkingHours(t, minHours + r.NextDouble() * (maxHours - minHours));
        bool Due(DateTimeOffset step) => step < s.Now;

        if (source == CaseSource.Patrol && s.Item.OnTheSpotAllowed && r.Next(10) < 6)
            return Case.ReportSettledOnTheSpot(intake, gridWorker, "已现场处置", [s.After], t).Value; // 巡办合一

        // Recent cases leave work in every queue: some still wait to be accepted, dispatched, verified or closed.
        var waitsAt = s.Now - s.At < TimeSpan.FromDays(5) && r.Next(100) < 40 ? r.Next(1, 5) : 0;
        var c = Case.Report(intake, reporter, t);
        if (waitsAt == 1 || !Due(Later(0.2, 3))) return c;
        if (r.Next(100) < 3) { c.Reject(communityStaff, "不属于受理范围，已告知反映人通过司法途径解决", t); return c; }
        c.Accept(communityStaff, null, t);
        var dispatcher = communityStaff;
        var whistle = false;
        if (r.Next(100) < 8)
        {
            if (!Due(Later(0.5, 4))) return c;
            c.Escalate(communityStaff, "涉及多个部门，社区协调不了", t);
            dispatcher = streetStaff;
            whistle = r.Next(2) == 0;
            // Three in ten of these the street cannot solve either: it lifts them on to the district's command centre an hour
            // later (by number, with no random draw, so the stories told after this one stay as they were).
            if (s.Number[^1] is '3' or '5' or '7' && s.Calendar.AddWorkingHours(t, 1) is var lifted && Due(lifted))
            {
                c.Escalate(streetStaff, "需区级统筹协调", t = lifted);
                dispatcher = districtStaff;
                if (s.Now - t < TimeSpan.FromDays(10)) return c; // the recent ones wait in the command centre's queue
            }
        }
        if (waitsAt == 2)
        {
            // Half of these wait to be dispatched, half for their unit to sign for (待签收). Dispatched at once to the
            // first unit of the duty, with no random draw: every story told after this one stays as it was.
            if (s.Number[^1] % 2 == 1) c.Dispatch(dispatcher, Ref(FirstFor(s)), [], false, s.Item, s.Calendar, null, t);
            return c;
        }
        if (!Due(Later(0.3, 4))) return c;
        var lead = LeadFor(s, r);
        var cooperating = whistle || r.Next(10) == 0 ? CooperatingFor(s, r, lead) : [];
        if (c.Dispatch(dispatcher, Ref(lead), cooperating.Select(Ref).ToList(), whistle && cooperating.Count > 0, s.Item, s.Calendar, null, t) is not null) return c;

        if (r.Next(100) < 10)
        {
            if (!Sweep(c, Later(0.5, 6), s.Now)) return c;
            c.Return(Unit(lead), "经核实不属于本单位职责，请重新派遣", t);
            if (!Due(Later(0.5, 3))) return c;
            var others = s.Units.ByDuty.Values.SelectMany(x => x).Where(u => u.Id != lead.Id && u.Kind == OrganisationKind.Department).ToList();
            var other = others[r.Next(others.Count)];
            lead = other;
            c.Dispatch(dispatcher, Ref(lead), [], false, s.Item, s.Calendar, "重新派遣", t);
        }
        // Most units sign for well within the limit; some late.
        foreach (var a in c.ActiveAssignments.ToList())
        {
            var late = r.Next(100) < 12;
            var when = late ? a.ResponseDue.AddHours(r.Next(1, 20)) : s.Calendar.AddWorkingHours(a.AssignedAt, r.NextDouble() * 2);
            if (!Sweep(c, when, s.Now)) return c;
            c.SignFor(UnitFor(a.UnitId), when);
            if (when > t) t = when;
        }
        if (!Sweep(c, Later(0.2, 2), s.Now)) return c;
        c.StartHandling(Unit(lead), "已安排人员处置", t);
        if (r.Next(100) < 5)
        {
            if (!Sweep(c, Later(2, 10), s.Now)) return c;
            c.RequestExtension(Unit(lead), r.Next(1, 4), "需协调相关单位共同处置", t);
            if (!Sweep(c, Later(1, 6), s.Now)) return c;
            c.DecideExtension(dispatcher, r.Next(5) > 0, "同意延期", s.Calendar, t);
        }
        var overrun = r.Next(100) < 10; // about one in ten runs past its limit
        var reopenedOnce = false;
        while (true)
        {
            var handledAt = overrun && c.HandlingDue is { } due ? due.AddHours(r.Next(2, 60)) : s.Calendar.AddWorkingHours(t, 1 + r.NextDouble() * 12);
            if (!Sweep(c, handledAt, s.Now)) return c;
            t = handledAt;
            c.ReportHandled(Unit(lead), "已处置完毕，现场已恢复", [s.After], s.Calendar, t);
            if (waitsAt == 3 || !Sweep(c, Later(0.5, 8), s.Now)) return c;
            if (!reopenedOnce && r.Next(100) < 6)
            {
                c.Verify(gridWorker, false, "现场核查仍未整改到位", [], t);
                reopenedOnce = true;
                continue;
            }
            c.Verify(gridWorker, true, "现场核查已整改", [], t);
            break;
        }
        if (waitsAt == 4 || !Due(Later(0.2, 4))) return c;
        c.Close(dispatcher, r.Next(100) < 93, null, t);
        if (!Due(Later(1, 16))) return c;
        var roll = r.Next(100);
        var rating = roll < 76 ? Satisfaction.Satisfied : roll < 93 ? Satisfaction.BasicallySatisfied : Satisfaction.Dissatisfied;
        var rater = residentAccount is not null ? reporter : communityStaff; // others are rated on a return visit (回访)
        c.Rate(rater, rating, rating == Satisfaction.Dissatisfied ? "处理不彻底" : null, rater == communityStaff, t);
        if (rating == Satisfaction.Dissatisfied && r.Next(2) == 0 && Due(Later(1, 6)))
            c.Reopen(dispatcher, "群众不满意，重新办理", s.Item, s.Calendar, t);
        return c;

        Actor Unit(Organisation o) => new(null, $"{o.Name}工作人员", DataScope.For([], [o.Id], null));
        Actor UnitFor(Guid id) => new(null, "承办单位工作人员", DataScope.For([], [id], null));
    }

    /// <summary>When a second report of <paramref name="original"/> comes: after its last step and an hour before now, or never.</summary>
    static DateTimeOffset? DuplicateTime(Case original, DateTimeOffset now, Random r)
    {
        var last = original.NewTransitions[^1].At;
        var room = now - last - TimeSpan.FromHours(1);
        return room > TimeSpan.FromMinutes(10) ? last + room * r.NextDouble() : null;
    }

    /// <summary>A phone report of the same matter in the same grid, merged into <paramref name="original"/> twenty minutes later by the community.</summary>
    static Case Duplicate(Story s, Case original)
    {
        var r = s.R;
        var name = s.Names[r.Next(s.Names.Length)] + (r.Next(2) == 0 ? "先生" : "女士");
        var centre = s.Grid.Boundary!.InteriorPoint;
        var intake = new Case.Intake(s.Number, s.Grid.AreaCode, CaseSource.Phone, s.Item, Description(s.Item, r), centre.X, centre.Y,
            original.Address, CasePriority.Normal, name, []);
        var duplicate = Case.Report(intake, new Actor(null, name, DataScope.Nothing), s.At);
        var communityStaff = new Actor(null, "社区工作人员", DataScope.For([s.Grid.AreaCode[..12]], [], null));
        if (duplicate.MergeInto(original, communityStaff, s.At.AddMinutes(20)) is { } refused)
            throw new InvalidOperationException($"The demo's duplicate of {original.Number} could not be merged: {refused.Code}");
        return duplicate;
    }

    /// <summary>Steps the case's lights and reminders up to <paramref name="until"/>; false when that is in the future (the story stops).</summary>
    static bool Sweep(Case c, DateTimeOffset until, DateTimeOffset now)
    {
        c.Sweep(until < now ? until : now);
        return until < now;
    }

    static Guid RandomGuid(Random r)
    {
        var bytes = new byte[16];
        r.NextBytes(bytes);
        return new Guid(bytes);
    }

    static UnitRef Ref(Organisation o) => new(o.Id, o.Name);

    static Organisation LeadFor(Story s, Random r)
    {
        if (s.Item.LeadDuty == "社区" && s.Units.CommitteeOf.TryGetValue(s.Grid.AreaCode[..12], out var committee)) return committee;
        return s.Units.ByDuty.TryGetValue(s.Item.LeadDuty, out var list) ? Nearest(list, s.Grid.AreaCode, r) : s.Units.Fallback;
    }

    /// <summary>The lead <see cref="LeadFor"/> would choose, without drawing: the community's own committee, or the first unit of the duty near the case.</summary>
    static Organisation FirstFor(Story s)
    {
        if (s.Item.LeadDuty == "社区" && s.Units.CommitteeOf.TryGetValue(s.Grid.AreaCode[..12], out var committee)) return committee;
        if (!s.Units.ByDuty.TryGetValue(s.Item.LeadDuty, out var list)) return s.Units.Fallback;
        return list.FirstOrDefault(o => s.Grid.AreaCode.StartsWith(AreaCodePrefix.Of(o.AreaCode))) ?? list[0];
    }

    static List<Organisation> CooperatingFor(Story s, Random r, Organisation lead)
    {
        var duties = s.Item.CooperatingDuties.Count > 0 ? s.Item.CooperatingDuties : ["住建"];
        return duties.Where(d => d != "社区" && s.Units.ByDuty.ContainsKey(d))
            .Select(d => Nearest(s.Units.ByDuty[d], s.Grid.AreaCode, r)).Where(u => u.Id != lead.Id).Distinct().Take(2).ToList();
    }

    // A unit of the case's own street or community where there is one (property companies, street offices), else any.
    static Organisation Nearest(List<Organisation> list, string area, Random r)
    {
        var near = list.Where(o => area.StartsWith(AreaCodePrefix.Of(o.AreaCode))).ToList();
        var pool = near.Count > 0 ? near : list;
        return pool[r.Next(pool.Count)];
    }

    static T Pick<T>(Random r, (T Value, int Weight)[] weighted)
    {
        var roll = r.Next(weighted.Sum(w => w.Weight));
        foreach (var (value, weight) in weighted) if ((roll -= weight) < 0) return value;
        return weighted[^1].Value;
    }

    static readonly string[] Openers = ["", "反映：", "群众反映", "巡查发现"];

    static string Description(CatalogItem item, Random r) =>
        $"{Openers[r.Next(Openers.Length)]}{item.Name}问题，{Details[r.Next(Details.Length)]}";

    static readonly string[] Details =
    [
        "已持续多日，影响居民正常生活，请尽快处理。", "位于小区主干道旁，来往居民较多。", "多名居民反映，希望尽快解决。",
        "夜间尤为明显，老人孩子休息受影响。", "存在一定安全隐患，请相关部门核实处置。", "此前反映过一次，至今未解决。",
    ];
}
