using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Modules.People.Domain;
using CivicGrid.Modules.Points.Domain;
using CivicGrid.Modules.Volunteering.Domain;
using CivicGrid.Modules.Volunteering.Features;
using CivicGrid.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Persistence.Demo;

/// <summary>
/// Dual registrations, activities past and upcoming with attendance, and micro-wishes in every state, in the seeds'
/// proportions per community (DOMAIN.md §11, Zibo over 293 communities: 1,119 paired units ≈ 4 per community; 5,000+
/// micro-wishes ≈ 17; 30,000+ volunteer services ≈ 100 sign-ups; 44,000 in-service members ≈ 150, of whom the demo
/// registers those it has, at most 40 per community, each with an account of their own that has no password yet).
/// Everything goes through the domain methods (SignUp, CheckIn, CheckOut, Claim, Fulfil, Confirm) and raises points
/// events with <see cref="PointsEvents.RaiseAsync"/>, as the real flows do. Confirmed unit registrations go through
/// <see cref="ConfirmRegistration.ConfirmAsync"/>, so each confirmed unit is a member of its community's 大党委; in the
/// first few communities a place on the popular upcoming activity is cancelled through
/// <see cref="SignUpForActivity.CancelAsync(CivicGridDbContext, Guid, Guid, DateTimeOffset, CancellationToken)"/>, which
/// promotes the first waiting and writes their notice (volunteer1's, in the first community). The demo accounts
/// volunteer1 and resident1 take part, so their phone pages are not empty.
/// </summary>
static class DemoVolunteering
{
    const int PromotionNotices = 3, UnitsPerCommunity = 4, MembersPerCommunity = 40, PastActivities = 4, UpcomingActivities = 2, WishesPerCommunity = 17;

    public static async Task<int> SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var random = new Random(4);
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        await using var db = SystemDb.Open(services);
        var communities = await db.Areas.Where(a => a.Level == AreaLevel.Community).OrderBy(a => a.AreaCode).ToListAsync(ct);
        var units = await db.Organisations.Where(o => o.Kind == OrganisationKind.Enterprise || o.Kind == OrganisationKind.Agency || o.Kind == OrganisationKind.NewEconomy)
            .ToListAsync(ct);
        var volunteerRole = await db.Roles.SingleAsync(r => r.Name == Roles.Volunteer, ct);
        var demoVolunteer = await db.Users.SingleOrDefaultAsync(u => u.UserName == "volunteer1", ct);
        var demoResident = await db.AccountScopes.Where(s => s.Kind == ScopeKind.Self)
            .Join(db.Users.Where(u => u.UserName == "resident1"), s => s.AccountId, u => u.Id, (s, u) => new { u.Id, s.ResidentId }).SingleOrDefaultAsync(ct);
        var grids = await db.Areas.Where(a => a.Level == AreaLevel.Grid).Select(a => new { a.AreaCode, a.ParentCode, a.Boundary }).ToListAsync(ct);
        var (written, promoted) = (0, 0);
        // One small picture stands for every demo proof photo (the rows share its key).
        var photoKey = await services.GetRequiredService<Shared.Files.IFileStore>().SaveAsync(new MemoryStream(Png), ".png", ct);
        if (demoResident?.ResidentId is { } mine && await db.Residents.Where(r => r.Id == mine).Select(r => r.AreaCode).SingleOrDefaultAsync(ct) is { } home
            && demoVolunteer is not null)
        {
            // resident1's own wish, fulfilled by volunteer1 and waiting for resident1 to confirm on the phone.
            var wish = new MicroWish
            {
                Id = Guid.CreateVersion7(), AreaCode = home, Title = "想要一台收音机", Description = "独居，想听戏", ResidentId = mine,
                PostedByAccountId = demoResident.Id, ForAccountId = demoResident.Id, PostedAt = now.AddDays(-5),
            };
            wish.Claim(demoVolunteer.Id, null, demoVolunteer.DisplayName, now.AddDays(-4));
            var photo = new WishPhoto { Id = Guid.CreateVersion7(), WishId = wish.Id, FileName = "收音机.png", ContentType = "image/png", Size = Png.Length, StorageKey = photoKey };
            wish.Fulfil(demoVolunteer.Id, "已送到家中并教会使用。", [photo], now.AddDays(-2));
            db.MicroWishes.Add(wish);
            db.WishPhotos.Add(photo);
        }

        foreach (var community in communities)
        {
            var street = community.ParentCode!;
            var near = units.Where(u => u.AreaCode == community.AreaCode || u.AreaCode == street).ToList();
            foreach (var unit in near.OrderBy(_ => random.Next()).Take(UnitsPerCommunity))
            {
                var (registration, confirmAt) = Registration(RegistrationKind.Unit, community.AreaCode, unit.Id, null, Guid.Empty, unit.Name,
                    now.AddDays(-random.Next(30, 300)), random);
                db.DualRegistrations.Add(registration);
                // Confirmed the way community staff confirm: the unit is then paired, a member of the community's 大党委.
                if (confirmAt is { } at) await ConfirmRegistration.ConfirmAsync(db, registration, Guid.Empty, at, ct);
            }

            // In-service members living in the community register there, employed by a unit of the street.
            var members = await db.PartyMembers.Where(m => m.InService && m.AreaCode.StartsWith(community.AreaCode)).OrderBy(m => m.Id)
                .Take(MembersPerCommunity).ToListAsync(ct);
            var accounts = new List<Guid>();
            foreach (var member in members)
            {
                member.EmployerId ??= near.Count > 0 ? near[random.Next(near.Count)].Id : null;
                var account = new Account
                {
                    Id = Guid.CreateVersion7(), UserName = $"m{member.Id:N}"[..20], NormalizedUserName = $"M{member.Id:N}"[..20].ToUpperInvariant(),
                    DisplayName = $"志愿者 {member.Name}", SecurityStamp = Guid.NewGuid().ToString("N"),
                };
                db.Users.Add(account);
                db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = account.Id, RoleId = volunteerRole.Id });
                if (member.ResidentId is { } resident)
                    db.AccountScopes.Add(new AccountScope { Id = Guid.NewGuid(), AccountId = account.Id, Kind = ScopeKind.Self, ResidentId = resident });
                var (registration, confirmAt) = Registration(RegistrationKind.Member, community.AreaCode, member.EmployerId, member.Id, account.Id,
                    member.Name, now.AddDays(-random.Next(10, 300)), random);
                if (confirmAt is { } at) registration.Confirm(Guid.Empty, at);
                db.DualRegistrations.Add(registration);
                accounts.Add(account.Id);
            }
            if (community == communities[0] && demoVolunteer is not null) accounts.Insert(0, demoVolunteer.Id);
            if (accounts.Count == 0) continue;
            var employerOf = members.Zip(accounts.Skip(community == communities[0] && demoVolunteer is not null ? 1 : 0))
                .ToDictionary(p => p.Second, p => p.First.EmployerId);

            Guid? promoting = null;
            var grid = grids.First(g => g.ParentCode == community.AreaCode);
            var center = grid.Boundary!.Centroid;
            for (var i = 0; i < PastActivities + UpcomingActivities; i++)
            {
                var past = i < PastActivities;
                // Red Saturday mornings: past ones every other week back, upcoming the next Saturdays (09:00–11:30 China time).
                var day = NextSaturday(now).AddDays(past ? -14 * (i + 1) : 7 * (i - PastActivities));
                var starts = new DateTimeOffset(day.Year, day.Month, day.Day, 9, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime();
                var activity = new VolunteerActivity
                {
                    Id = Guid.CreateVersion7(), AreaCode = community.AreaCode, Title = Titles[random.Next(Titles.Length)],
                    Description = "请穿志愿者马甲，自带水杯。", StartsAt = starts, EndsAt = starts.AddMinutes(150),
                    Address = $"{community.Name}党群服务中心", Longitude = center.X, Latitude = center.Y, Places = 20,
                    CreatedBy = Guid.Empty, CreatedAt = starts.AddDays(-10),
                };
                db.VolunteerActivities.Add(activity);
                var signing = accounts.Where((_, k) => k == 0 || random.NextDouble() < 0.45).Take(24).ToList();
                // Every third activity is popular, and so is the first upcoming one: fewer places than takers, so its
                // waiting list is in use (and a cancellation below promotes someone from it).
                if (i % 3 == 0 || i == PastActivities) activity.Places = Math.Max(1, signing.Count * 2 / 3);
                if (i == PastActivities && signing.Count > activity.Places)
                {
                    promoting = activity.Id;
                    // In the first community volunteer1 is first on its waiting list: the cancellation below gives them the place.
                    if (demoVolunteer is not null && signing.Remove(demoVolunteer.Id)) signing.Insert(activity.Places, demoVolunteer.Id);
                }
                foreach (var account in signing)
                {
                    var signup = activity.SignUp(account, account == demoVolunteer?.Id ? demoVolunteer.DisplayName : "志愿者",
                        employerOf.GetValueOrDefault(account), activity.CreatedAt.AddHours(random.Next(1, 200))).Value;
                    db.ActivitySignups.Add(signup);
                    if (!past || signup.Status != SignupStatus.Confirmed || random.NextDouble() < 0.1) continue; // a few no-shows
                    activity.CheckIn(signup, starts.AddMinutes(random.Next(-20, 15)));
                    if (random.NextDouble() < 0.05) continue; // forgot to check out: no hours until staff correct it
                    activity.CheckOut(signup, starts.AddMinutes(random.Next(90, 170)));
                    if (signup.Minutes > 0)
                        await PointsEvents.RaiseAsync(db, PointsEventKinds.VolunteerHours, signup.Id, account, community.AreaCode,
                            signup.Minutes.Value, activity.Title, signup.CheckedOutAt!.Value, ct);
                }
            }

            var residents = await db.Residents.Where(r => r.AreaCode.StartsWith(community.AreaCode) && r.Tags.Count > 0).OrderBy(r => r.Id)
                .Select(r => new { r.Id, r.AreaCode }).Take(WishesPerCommunity).ToListAsync(ct);
            foreach (var resident in residents)
            {
                var posted = now.AddDays(-random.Next(1, 120));
                var wish = new MicroWish
                {
                    Id = Guid.CreateVersion7(), AreaCode = resident.AreaCode, Title = Wishes[random.Next(Wishes.Length)], Description = "",
                    ResidentId = resident.Id, PostedByAccountId = Guid.Empty, PostedAt = posted,
                };
                db.MicroWishes.Add(wish);
                // Every state: ~30% open, 20% claimed, 15% fulfilled awaiting confirmation, 35% confirmed.
                var roll = random.NextDouble();
                if (roll < 0.3) continue;
                var claimer = accounts[random.Next(accounts.Count)];
                wish.Claim(claimer, employerOf.GetValueOrDefault(claimer) is { } unit && random.NextDouble() < 0.3 ? unit : null, "志愿者", posted.AddHours(random.Next(2, 72)));
                if (roll < 0.5) continue;
                var photo = new WishPhoto { Id = Guid.CreateVersion7(), WishId = wish.Id, FileName = "完成照片.png", ContentType = "image/png", Size = Png.Length, StorageKey = photoKey };
                wish.Fulfil(claimer, "已完成，照片见附件。", [photo], wish.ClaimedAt!.Value.AddDays(2));
                db.WishPhotos.Add(photo);
                if (roll < 0.65) continue;
                wish.Confirm(wish.ForAccountId ?? Guid.Empty, wish.FulfilledAt!.Value.AddDays(1));
                await PointsEvents.RaiseAsync(db, PointsEventKinds.WishFulfilled, wish.Id, claimer, community.AreaCode, 1, wish.Title, wish.ConfirmedAt!.Value, ct);
            }
            written += await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();

            // In the first few communities someone holding a place on the popular upcoming activity cancels through the
            // use case: the first waiting takes the place and gets the promotion notice (候补转正) in the same save.
            if (promoting is { } popular && promoted < PromotionNotices)
            {
                var holder = await db.ActivitySignups.Where(s => s.ActivityId == popular && s.Status == SignupStatus.Confirmed)
                    .OrderBy(s => s.Turn).Select(s => s.AccountId).FirstAsync(ct);
                if (await SignUpForActivity.CancelAsync(db, holder, popular, now, ct) is null) promoted++;
                db.ChangeTracker.Clear();
            }
        }
        return written;
    }

    /// <summary>A pending registration, and when the community confirms it (most are confirmed two days later).</summary>
    static (DualRegistration Registration, DateTimeOffset? ConfirmAt) Registration(RegistrationKind kind, string community, Guid? unit, Guid? member,
        Guid account, string name, DateTimeOffset at, Random random)
    {
        var confirmed = random.NextDouble() < 0.85;
        return (new DualRegistration
        {
            Id = Guid.CreateVersion7(), Kind = kind, AreaCode = community, UnitId = unit, PartyMemberId = member, AccountId = account, Name = name,
            RegisteredAt = at,
        }, confirmed ? at.AddDays(2) : null);
    }

    static DateOnly NextSaturday(DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(8)).DateTime);
        var days = ((int)DayOfWeek.Saturday - (int)today.DayOfWeek + 7) % 7;
        return today.AddDays(days == 0 ? 7 : days);
    }

    static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    static readonly string[] Titles = ["红色星期六·清洁家园", "红色星期六·楼道清理", "敬老院陪伴", "文明交通劝导", "垃圾分类宣传", "义诊进社区", "小区绿化补植"];
    static readonly string[] Wishes = ["想要一台收音机", "希望有人帮忙修理门锁", "想要一副老花镜", "需要一辆助行器", "想学用智能手机", "希望有人陪去医院复查", "想要一套冬衣", "孩子需要学习用品"];
}
