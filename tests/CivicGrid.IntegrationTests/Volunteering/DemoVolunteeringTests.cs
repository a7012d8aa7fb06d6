using CivicGrid.IntegrationTests.Infrastructure;
using CivicGrid.Modules.CoBuilding.Domain;
using CivicGrid.Modules.Points.Domain;
using CivicGrid.Modules.Volunteering.Domain;
using CivicGrid.Persistence;
using CivicGrid.Persistence.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.IntegrationTests.Volunteering;

/// <summary>The demo's volunteering: registrations of both kinds, activities past (with attendance) and upcoming,
/// wishes in every state, and exactly the points events the real flows would have raised; confirmed units paired with
/// their community's alliance, and promotion notices from cancellations through the use case.</summary>
public sealed class DemoVolunteeringTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Demo_has_registrations_paired_units_activities_with_attendance_promotion_notices_wishes_in_every_state_and_their_points_events(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using (var scope = app.Services.CreateScope())
            await DemoData.SeedAsync(scope.ServiceProvider, DemoSize.Tiny, CancellationToken.None);
        await using var db = app.Db();
        var now = app.Clock.GetUtcNow();

        Assert.True(await db.DualRegistrations.AnyAsync(r => r.Kind == RegistrationKind.Unit));
        // Pairing: every confirmed unit is a member of its community's 大党委, once.
        var confirmedUnits = await db.DualRegistrations.Where(r => r.Kind == RegistrationKind.Unit && r.Status == RegistrationStatus.Confirmed)
            .Select(r => new { r.UnitId, r.AreaCode }).ToListAsync();
        Assert.NotEmpty(confirmedUnits);
        var members = await db.AllianceMembers.Join(db.Alliances.Where(a => a.Level == AllianceLevel.Community), m => m.AllianceId, a => a.Id,
            (m, a) => new { m.UnitId, a.AreaCode }).ToListAsync();
        Assert.All(confirmedUnits, r => Assert.Single(members, m => m.UnitId == r.UnitId && m.AreaCode == r.AreaCode));

        // Promotion notices come from real cancellations: each promoted sign-up holds its place, and its account has the notice.
        var notices = await db.VolunteerNotices.ToListAsync();
        Assert.InRange(notices.Count, 1, 3);
        foreach (var n in notices)
        {
            var promoted = await db.ActivitySignups.SingleAsync(s => s.ActivityId == n.ActivityId && s.AccountId == n.AccountId);
            Assert.Equal((SignupStatus.Confirmed, VolunteerNoticeKind.Promoted), (promoted.Status, n.Kind));
            Assert.NotNull(promoted.PromotedAt);
            Assert.Equal(1, await db.ActivitySignups.CountAsync(s => s.ActivityId == n.ActivityId && s.Status == SignupStatus.Cancelled));
        }
        var volunteer1 = await db.Users.Where(u => u.UserName == "volunteer1").Select(u => u.Id).SingleAsync();
        Assert.Contains(notices, n => n.AccountId == volunteer1 && n.ReadAt == null);
        Assert.True(await db.DualRegistrations.AnyAsync(r => r.Kind == RegistrationKind.Member && r.UnitId != null));
        foreach (var status in Enum.GetValues<WishStatus>())
            Assert.True(await db.MicroWishes.AnyAsync(w => w.Status == status), $"no {status} wish");
        Assert.All(await db.MicroWishes.Where(w => w.Status == WishStatus.Fulfilled || w.Status == WishStatus.Confirmed).Include(w => w.Photos).ToListAsync(),
            w => Assert.NotEmpty(w.Photos));

        var signups = await db.ActivitySignups.Join(db.VolunteerActivities, s => s.ActivityId, a => a.Id, (s, a) => new { s, a.EndsAt }).ToListAsync();
        Assert.Contains(signups, x => x.EndsAt < now && x.s.Minutes > 0);
        Assert.Contains(signups, x => x.EndsAt > now);
        Assert.DoesNotContain(signups, x => x.EndsAt > now && x.s.CheckedInAt != null);
        Assert.Contains(signups, x => x.s.Status == SignupStatus.Waiting);

        // A staff correction raises its own event with the change in minutes (the points demo makes a few): a sign-up's
        // minutes are its check-out's event plus its corrections'.
        var hours = await db.PointsEvents.Where(e => e.Kind == PointsEventKinds.VolunteerHours || e.Kind == PointsEventKinds.VolunteerHoursCorrected).ToListAsync();
        Assert.Equal(signups.Where(x => x.s.Minutes > 0).Select(x => (x.s.Id, x.s.Minutes!.Value)).Order(),
            hours.GroupBy(e => e.Corrects ?? e.SourceId).Select(g => (g.Key, g.Sum(e => e.Quantity))).Where(x => x.Item2 > 0).Order());
        var confirmed = await db.MicroWishes.Where(w => w.Status == WishStatus.Confirmed).Select(w => new { w.Id, w.ClaimedByAccountId }).ToListAsync();
        var wishEvents = await db.PointsEvents.Where(e => e.Kind == PointsEventKinds.WishFulfilled).ToListAsync();
        Assert.Equal(confirmed.Select(w => (w.Id, w.ClaimedByAccountId!.Value)).Order(), wishEvents.Select(e => (e.SourceId, e.AccountId)).Order());
    }
}
