using System.Security.Claims;
using CivicGrid.Modules.Cases.Domain;
using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Modules.People.Domain;
using CivicGrid.Modules.Points.Domain;
using CivicGrid.Modules.Points.Features;
using CivicGrid.Modules.Points.Jobs;
using CivicGrid.Modules.Volunteering.Domain;
using CivicGrid.Modules.Volunteering.Features;
using CivicGrid.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Persistence.Demo;

/// <summary>
/// Points in the demo (DOMAIN.md §5): per community a partner shop and an elders' canteen, a catalog of five items
/// (property fee, canteen meal, shop goods), a rule of its own in the first community, and the demo merchant account
/// <c>merchant1</c> (the shop of resident1's community). The ledger is earned, not typed: the events the volunteering
/// and co-building demos raised through their real flows (hours, wishes, meetings) and resident1's real satisfied cases
/// go through the real projection with its caps, with a few staff corrections of hours made through the real use case;
/// some holders then redeem through the real use case and merchants redeem most codes; the second community's rule lets
/// hours expire at the end of their month, and the real expiry sweep writes what expired.
/// </summary>
static class DemoPoints
{
    const int Days = 90;


    public static async Task<int> SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var random = new Random(2026_05);
        await using var db = SystemDb.Open(services);
        var communities = await db.Areas.AsNoTracking().Where(a => a.Level == AreaLevel.Community).OrderBy(a => a.AreaCode).ToListAsync(ct);
        if (communities.Count == 0) return 0;
        var property = await db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationKind.PropertyCompany).OrderBy(o => o.Name).ToListAsync(ct);

        var shops = new Dictionary<string, Organisation>();
        foreach (var (community, i) in communities.Select((c, i) => (c, i)))
        {
            var shop = new Organisation { Id = Guid.CreateVersion7(), AreaCode = community.AreaCode, Name = $"{community.Name}便民超市", Kind = OrganisationKind.Enterprise, Address = $"{community.Name}服务中心旁" };
            var canteen = new Organisation { Id = Guid.CreateVersion7(), AreaCode = community.AreaCode, Name = $"{community.Name}长者食堂", Kind = OrganisationKind.SocialOrganisation, Address = $"{community.Name}党群服务中心一楼" };
            db.Organisations.AddRange(shop, canteen);
            shops[community.AreaCode] = shop;
            RedemptionItem Item(RedemptionCategory category, string name, int price, int stock, Guid merchant) => new()
            {
                Id = Guid.CreateVersion7(), AreaCode = community.AreaCode, Category = category, Name = name, Price = price, Stock = stock, MerchantId = merchant,
            };
            db.RedemptionItems.AddRange(
                Item(RedemptionCategory.PropertyFee, "物业费抵扣10元", 100, 200, property.Count > 0 ? property[i % property.Count].Id : shop.Id),
                Item(RedemptionCategory.Canteen, "长者食堂午餐一份", 30, 100, canteen.Id),
                Item(RedemptionCategory.PartnerShop, "抽纸一提", 20, 60, shop.Id),
                Item(RedemptionCategory.PartnerShop, "洗衣液一瓶", 50, 30, shop.Id),
                Item(RedemptionCategory.PartnerShop, "理发券一张", 40, 20, shop.Id));
        }
        // The first community values an hour of service a little higher and lets a busy volunteer earn more in a day.
        db.EarningRules.Add(new EarningRule { Id = Guid.CreateVersion7(), AreaCode = communities[0].AreaCode, Kind = PointsEventKinds.VolunteerHours, PointsPerUnit = 12, CapPerDay = 48, CapPerMonth = 240 });
        // The second pilots expiry: hours are worth the default, but must be used by the end of the month they were earned.
        if (communities.Count > 1)
            db.EarningRules.Add(new EarningRule { Id = Guid.CreateVersion7(), AreaCode = communities[1].AreaCode, Kind = PointsEventKinds.VolunteerHours, PointsPerUnit = 10, CapPerDay = 40, CapPerMonth = 200, ExpiryMonths = 0 });
        await db.SaveChangesAsync(ct);

        var users = services.GetRequiredService<UserManager<Account>>();
        var demo = await db.Users.AsNoTracking().Where(u => u.UserName == "resident1" || u.UserName == "volunteer1" || u.UserName == "building1")
            .ToDictionaryAsync(u => u.UserName!, u => u.Id, ct);
        var residentArea = await (from s in db.AccountScopes join r in db.Residents on s.ResidentId equals r.Id
                                  where s.AccountId == demo["resident1"] select r.AreaCode).SingleAsync(ct);
        var merchant = new Account { Id = Guid.NewGuid(), UserName = "merchant1", DisplayName = shops[residentArea[..12]].Name };
        await Created(users.CreateAsync(merchant, DemoData.Password), "merchant1");
        await users.AddToRoleAsync(merchant, Roles.Merchant);
        db.AccountScopes.Add(new AccountScope { Id = Guid.NewGuid(), AccountId = merchant.Id, Kind = ScopeKind.Unit, UnitId = shops[residentArea[..12]].Id });

        await db.SaveChangesAsync(ct);
        DateTimeOffset Past() => now.AddDays(-random.Next(1, Days)).AddHours(random.Next(-4, 4)).ToUniversalTime();

        // Earning comes from what the other modules' demos did: volunteers' check-outs and confirmed wishes
        // (DemoVolunteering), meetings attended (DemoCoBuilding) — each raised its event as the real flow does — and
        // resident1's own reports rated satisfied, which earn as the case API makes them earn (CaseMoves.Rate).
        var rated = await (from c in db.Cases
                           join t in db.CaseTransitions on c.Id equals t.CaseId
                           where c.ReporterAccountId == demo["resident1"] && c.Source == CaseSource.Resident && t.Action == CaseAction.Rate
                                 && (c.Rating == Satisfaction.Satisfied || c.Rating == Satisfaction.BasicallySatisfied)
                           select new { c.Id, c.Number, c.AreaCode, t.At }).ToListAsync(ct);
        foreach (var c in rated) await Raise(PointsEventKinds.CaseSatisfied, demo["resident1"], c.AreaCode[..12], 1, c.Number, c.At, c.Id);
        await db.SaveChangesAsync(ct);
        await CorrectHoursAsync(services, db, now, ct);
        await services.GetRequiredService<PointsProjection>().RunOnceAsync(ct);

        // Some spending, through the real use case; merchants have redeemed most codes older than a day.
        var items = await db.RedemptionItems.AsNoTracking().ToListAsync(ct);
        var holders = await db.PointsAccounts.AsNoTracking().Select(a => new { a.Id, a.AreaCode }).ToListAsync(ct);
        var spenders = 0;
        foreach (var (id, area) in holders.Select(h => (h.Id, h.AreaCode)))
        {
            // About a third of those who can afford something spend; the first always does, so a small demo has spending too.
            if (spenders > 0 && random.Next(3) != 0) continue;
            var community = area.Length > 12 ? area[..12] : area;
            var balance = await db.PointsAccounts.Where(a => a.Id == id).Select(a => a.Balance).SingleOrDefaultAsync(ct);
            var affordable = items.Where(i => i.AreaCode == community && i.Price <= balance / 2).ToList();
            if (affordable.Count == 0 || id == demo["resident1"]) continue; // resident1 keeps theirs for the walkthrough
            spenders++;
            await using var scoped = SystemDb.Open(services);
            var issued = await RedeemItem.RunAsync(scoped, Holder(id), affordable[random.Next(affordable.Count)].Id, Past(), ct);
            if (issued is { IsError: false } r && random.Next(4) > 0)
                await db.Redemptions.Where(x => x.Id == r.Value.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.Status, RedemptionStatus.Redeemed).SetProperty(x => x.RedeemedAt, r.Value.IssuedAt.AddHours(random.Next(1, 48))), ct);
        }
        // Then the expiry sweep at the demo's now, as its timer would: the pilot community's earlier months expire, less
        // what was spent of them first.
        await services.GetRequiredService<ExpirySweep>().RunOnceAsync(ct);
        return await db.PointsEntries.CountAsync(ct);

        Task Raise(string kind, Guid account, string community, int quantity, string title, DateTimeOffset at, Guid? source = null) =>
            PointsEvents.RaiseAsync(db, kind, source ?? Guid.CreateVersion7(), account, community, quantity, title, at, ct);
    }

    /// <summary>community1 corrects a few past sign-ups of its community through the real use case (工时更正): forgotten
    /// check-outs get their hours, one early leaver loses half an hour. Each correction raises its points event as in
    /// the app, so the ledger shows the difference earned or taken back.</summary>
    static async Task CorrectHoursAsync(IServiceProvider services, CivicGridDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var staff = await db.Users.AsNoTracking().Where(u => u.UserName == "community1").Select(u => new { u.Id, u.DisplayName }).SingleOrDefaultAsync(ct);
        if (staff is null) return;
        var area = await db.AccountScopes.AsNoTracking().Where(s => s.AccountId == staff.Id && s.Kind == ScopeKind.Area).Select(s => s.AreaCode!).FirstAsync(ct);
        var user = new CurrentUser(new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, staff.Id.ToString()), new Claim(CurrentUser.DisplayNameClaim, staff.DisplayName ?? ""),
            new Claim(CurrentUser.AreaScopeClaim, area),
        ], "demo")));
        var past = db.ActivitySignups.AsNoTracking().Where(s => s.AreaCode.StartsWith(area) && s.Status == SignupStatus.Confirmed && s.CheckedInAt != null
                                                                && s.CheckedInAt < now.AddDays(-3)).OrderBy(s => s.CheckedInAt).ThenBy(s => s.Id);
        var forgot = await past.Where(s => s.Minutes == null).Take(2).ToListAsync(ct);
        var early = await past.Where(s => s.Minutes > 60).Take(1).ToListAsync(ct);
        foreach (var (signup, minutes, reason) in forgot.Select(s => (s, 150, "忘记签退，按现场签到表补录"))
                     .Concat(early.Select(s => (s, s.Minutes!.Value - 30, "提前离场，按现场记录核减半小时"))))
        {
            await using var scoped = SystemDb.Open(services);
            await CorrectHours.RunAsync(scoped, user, signup.Id, new CorrectHours.Request(minutes, reason), signup.CheckedInAt!.Value.AddDays(2), ct);
        }
    }

    static CurrentUser Holder(Guid id) =>
        new(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id.ToString())], "demo")));

    static async Task Created(Task<IdentityResult> create, string name)
    {
        var result = await create;
        if (!result.Succeeded) throw new InvalidOperationException($"Demo account {name}: {string.Join(", ", result.Errors.Select(e => e.Code))}");
    }
}
