using System.Net;
using System.Net.Http.Json;
using CivicGrid.IntegrationTests.Infrastructure;
using static CivicGrid.IntegrationTests.Infrastructure.PhoneForms;
using CivicGrid.Modules.Points.Domain;
using CivicGrid.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.IntegrationTests.Volunteering;

/// <summary>Activities: sign-up and the waiting list, QR check-in and check-out with real codes, hours, corrections.</summary>
public sealed class ActivityTests(Apps apps) : IClassFixture<Apps>
{
    static async Task<ActivityDto> Activity(HttpClient who, Guid id) => await who.Get<ActivityDto>($"/api/volunteering/activities/{id}");

    static async Task<ActivityDto> SignUp(HttpClient who, Guid id)
    {
        var response = await who.PostAsync($"/api/volunteering/activities/{id}/signup", null);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ActivityDto>(Http.Json))!;
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_double_tap_on_the_phones_sign_up_or_cancel_lands_on_done_and_signs_up_once(DatabaseProvider provider)
    {
        var w = await VolunteerWorld.CreateAsync(await apps.For(provider));
        var activity = await w.PublishAsync(5, TimeSpan.FromDays(2), TimeSpan.FromHours(3));
        var me = Forms(w.App, await w.VolunteerAsync());
        var page = await me.GetStringAsync($"/m/activities/{activity.Id}");
        async Task<string> Tap(string action) => Landed(await me.PostAsync($"/m/activities/{activity.Id}/{action}", Form(page)));
        async Task<int> Live()
        {
            await using var db = w.App.Db();
            return await db.ActivitySignups.CountAsync(x => x.ActivityId == activity.Id && x.Status != Modules.Volunteering.Domain.SignupStatus.Cancelled);
        }

        // Taps at once: one sign-up, and every tap lands on the page (never on a raw error answer).
        var taps = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Tap("signup")));
        Assert.All(taps, t => Assert.StartsWith($"/m/activities/{activity.Id}?", t));
        Assert.Equal(1, await Live());
        // One after the other: the second finds it done, and says so.
        Assert.Equal($"/m/activities/{activity.Id}?done=signup", await Tap("signup"));
        Assert.Equal($"/m/activities/{activity.Id}?done=cancel", await Tap("cancel"));
        Assert.Equal($"/m/activities/{activity.Id}?done=cancel", await Tap("cancel"));
        Assert.Equal(0, await Live());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Places_fill_then_the_waiting_list_and_a_cancellation_promotes_the_first_waiting(DatabaseProvider provider)
    {
        var w = await VolunteerWorld.CreateAsync(await apps.For(provider));
        var activity = await w.PublishAsync(2, TimeSpan.FromDays(2), TimeSpan.FromHours(3));
        var v = new List<HttpClient>();
        for (var i = 0; i < 4; i++) v.Add(await w.VolunteerAsync());

        Assert.Equal("Confirmed", (await SignUp(v[0], activity.Id)).Mine!.Status);
        Assert.Equal("Confirmed", (await SignUp(v[1], activity.Id)).Mine!.Status);
        var third = await SignUp(v[2], activity.Id);
        Assert.Equal(("Waiting", 1), (third.Mine!.Status, third.Mine.QueuePosition!.Value));
        var fourth = await SignUp(v[3], activity.Id);
        Assert.Equal(("Waiting", 2), (fourth.Mine!.Status, fourth.Mine.QueuePosition!.Value));
        Assert.Equal((2, 2), (fourth.Taken, fourth.Waiting));
        var twice = await v[1].PostAsync($"/api/volunteering/activities/{activity.Id}/signup", null);
        Assert.Equal("volunteer.already_signed_up", await twice.ProblemCode());

        var cancelled = await v[0].PostAsync($"/api/volunteering/activities/{activity.Id}/cancel", null);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("Confirmed", (await Activity(v[2], activity.Id)).Mine!.Status);
        var stillWaiting = await Activity(v[3], activity.Id);
        Assert.Equal(("Waiting", 1, 2, 1), (stillWaiting.Mine!.Status, stillWaiting.Mine.QueuePosition!.Value, stillWaiting.Taken, stillWaiting.Waiting));

        // The one who cancelled signs up again: at the back of the queue.
        var back = await SignUp(v[0], activity.Id);
        Assert.Equal(("Waiting", 2), (back.Mine!.Status, back.Mine.QueuePosition!.Value));
        // A waiting volunteer who cancels frees no place.
        await v[3].PostAsync($"/api/volunteering/activities/{activity.Id}/cancel", null);
        Assert.Equal(("Waiting", 1), ((await Activity(v[0], activity.Id)).Mine!.Status, (await Activity(v[0], activity.Id)).Mine!.QueuePosition!.Value));

        var attendance = await w.StaffA.Get<List<AttendeeDto>>($"/api/volunteering/activities/{activity.Id}/signups");
        Assert.Equal(["Confirmed", "Confirmed", "Waiting", "Cancelled"], attendance.Select(a => a.Status));
        Assert.Equal(HttpStatusCode.NotFound, await w.StaffB.StatusOf(HttpMethod.Get, $"/api/volunteering/activities/{activity.Id}/signups"));
        Assert.Equal(HttpStatusCode.Forbidden, await v[1].StatusOf(HttpMethod.Get, $"/api/volunteering/activities/{activity.Id}/signups"));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Check_in_and_out_by_the_rotating_code_give_clamped_hours_and_one_points_event(DatabaseProvider provider)
    {
        var w = await VolunteerWorld.CreateAsync(await apps.For(provider));
        var clock = w.App.Clock;
        var activity = await w.PublishAsync(3, TimeSpan.FromMinutes(10), TimeSpan.FromHours(2));
        var other = await w.PublishAsync(3, TimeSpan.FromMinutes(10), TimeSpan.FromHours(2), "敬老院义诊");
        var (volunteer, late, stranger) = (await w.VolunteerAsync(), await w.VolunteerAsync(), await w.VolunteerAsync());
        await SignUp(volunteer, activity.Id);
        await SignUp(late, activity.Id);

        // The organiser's code is only for their community's staff.
        Assert.Equal(HttpStatusCode.NotFound, await w.StaffB.StatusOf(HttpMethod.Get, $"/api/volunteering/activities/{activity.Id}/code"));
        var shown = await w.StaffA.Get<CodeDto>($"/api/volunteering/activities/{activity.Id}/code");
        Assert.Contains($"/m/activities/{activity.Id}/scan?c=", shown.Url);
        Assert.Contains("<svg", shown.Svg);

        var foreign = await VolunteerWorld.Scan(volunteer, activity.Id, "check-in", await w.CodeAsync(other.Id));
        Assert.Equal("volunteer.code_foreign", await foreign.ProblemCode());
        var made = await VolunteerWorld.Scan(volunteer, activity.Id, "check-in", shown.Value[..^2] + "xx");
        Assert.Equal("volunteer.code_foreign", await made.ProblemCode());
        var notSigned = await VolunteerWorld.Scan(stranger, activity.Id, "check-in", shown.Value);
        Assert.Equal("volunteer.not_signed_up", await notSigned.ProblemCode());

        // Early arrival (before the start) is allowed; the hours start with the activity.
        var checkedIn = await VolunteerWorld.Scan(volunteer, activity.Id, "check-in", shown.Value);
        Assert.Equal(HttpStatusCode.OK, checkedIn.StatusCode);
        var twice = await VolunteerWorld.Scan(volunteer, activity.Id, "check-in", shown.Value);
        Assert.Equal("volunteer.already_checked_in", await twice.ProblemCode());
        var noCheckIn = await VolunteerWorld.Scan(late, activity.Id, "check-out", shown.Value);
        Assert.Equal("volunteer.not_checked_in", await noCheckIn.ProblemCode());

        // The previous step's code still counts; two steps on it is stale.
        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.OK, (await VolunteerWorld.Scan(late, activity.Id, "check-in", shown.Value)).StatusCode);
        clock.Advance(TimeSpan.FromMinutes(100));
        var stale = await VolunteerWorld.Scan(volunteer, activity.Id, "check-out", shown.Value);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, stale.StatusCode);
        Assert.Equal("volunteer.code_stale", await stale.ProblemCode());

        var fresh = await w.CodeAsync(activity.Id);
        var checkedOut = await VolunteerWorld.Scan(volunteer, activity.Id, "check-out", fresh);
        Assert.Equal(HttpStatusCode.OK, checkedOut.StatusCode);
        var mine = (await checkedOut.Content.ReadFromJsonAsync<ActivityDto>(Http.Json))!.Mine!;
        // Checked in 10 minutes before the start, out 100.5 minutes later: 90 minutes of the activity's own time.
        Assert.Equal(90, mine.Minutes);
        var again = await VolunteerWorld.Scan(volunteer, activity.Id, "check-out", fresh);
        Assert.Equal("volunteer.already_checked_out", await again.ProblemCode());

        // Leaving after the end counts only to the end.
        clock.Advance(TimeSpan.FromMinutes(60));
        var lateOut = await VolunteerWorld.Scan(late, activity.Id, "check-out", await w.CodeAsync(activity.Id));
        Assert.Equal(HttpStatusCode.OK, lateOut.StatusCode);
        Assert.Equal(120, (await lateOut.Content.ReadFromJsonAsync<ActivityDto>(Http.Json))!.Mine!.Minutes);

        await using var db = w.App.Db();
        var events = await db.PointsEvents.Where(e => e.Kind == PointsEventKinds.VolunteerHours && e.AreaCode == w.District.CommunityA.AreaCode).ToListAsync();
        Assert.Equal([90, 120], events.Select(e => e.Quantity).Order());
        Assert.All(events, e => Assert.Equal("红色星期六", e.Title));
        Assert.Equal(2, events.Select(e => e.SourceId).Distinct().Count());

        var hours = await volunteer.Get<MyHoursDto>("/api/volunteering/me/hours");
        Assert.Equal((90, 1), (hours.Minutes, hours.Activities));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Staff_correct_hours_with_a_reason_the_correction_is_kept_and_raises_one_hours_corrected_event_with_the_change(DatabaseProvider provider)
    {
        var w = await VolunteerWorld.CreateAsync(await apps.For(provider));
        var activity = await w.PublishAsync(3, TimeSpan.FromMinutes(5), TimeSpan.FromHours(1));
        var volunteer = await w.VolunteerAsync();
        await SignUp(volunteer, activity.Id);
        Assert.Equal(HttpStatusCode.OK, (await VolunteerWorld.Scan(volunteer, activity.Id, "check-in", await w.CodeAsync(activity.Id))).StatusCode);
        w.App.Clock.Advance(TimeSpan.FromMinutes(35));
        Assert.Equal(HttpStatusCode.OK, (await VolunteerWorld.Scan(volunteer, activity.Id, "check-out", await w.CodeAsync(activity.Id))).StatusCode);
        var signup = Assert.Single(await w.StaffA.Get<List<AttendeeDto>>($"/api/volunteering/activities/{activity.Id}/signups"));
        Assert.Equal(30, signup.Minutes);

        var noReason = await w.StaffA.PostAsJsonAsync($"/api/volunteering/signups/{signup.SignupId}/correct", new { minutes = 60, reason = " " });
        Assert.Equal("volunteer.correction_invalid", await noReason.ProblemCode());
        Assert.Equal(HttpStatusCode.NotFound, await w.StaffB.StatusOf(HttpMethod.Post, $"/api/volunteering/signups/{signup.SignupId}/correct",
            new { minutes = 60, reason = "忘记签退" }));
        Assert.Equal(HttpStatusCode.Forbidden, await volunteer.StatusOf(HttpMethod.Post, $"/api/volunteering/signups/{signup.SignupId}/correct",
            new { minutes = 600, reason = "我说的" }));

        var corrected = await w.StaffA.PostAsJsonAsync($"/api/volunteering/signups/{signup.SignupId}/correct", new { minutes = 60, reason = "提前到场布置" });
        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        var row = (await corrected.Content.ReadFromJsonAsync<AttendeeDto>(Http.Json))!;
        var correction = Assert.Single(row.Corrections);
        Assert.Equal((60, 30, 60, "提前到场布置", w.App.Clock.GetUtcNow()), (row.Minutes!.Value, correction.OldMinutes!.Value, correction.NewMinutes, correction.Reason, correction.At));

        var hours = await volunteer.Get<MyHoursDto>("/api/volunteering/me/hours");
        Assert.Equal(60, hours.Minutes);
        Assert.True(Assert.Single(hours.Lines).Corrected);
        await using var db = w.App.Db();
        var raised = Assert.Single(await db.PointsEvents.Where(e => e.SourceId == signup.SignupId).ToListAsync());
        Assert.Equal((PointsEventKinds.VolunteerHours, 30), (raised.Kind, raised.Quantity));
        // The correction raises its own event, once: the change in minutes, pointing at the sign-up it corrects.
        var correctedEvent = Assert.Single(await db.PointsEvents.Where(e => e.Corrects == signup.SignupId).ToListAsync());
        Assert.Equal((PointsEventKinds.VolunteerHoursCorrected, 30, raised.AccountId), (correctedEvent.Kind, correctedEvent.Quantity, correctedEvent.AccountId));
        Assert.Equal(2, await db.PointsEvents.CountAsync(e => e.SourceId == signup.SignupId || e.Corrects == signup.SignupId));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Near_me_sorts_by_distance_and_a_volunteer_sees_only_their_own_hours(DatabaseProvider provider)
    {
        var w = await VolunteerWorld.CreateAsync(await apps.For(provider));
        var near = await w.PublishAsync(3, TimeSpan.FromDays(1), TimeSpan.FromHours(1), "近处");
        var far = await w.PublishAsync(3, TimeSpan.FromHours(20), TimeSpan.FromHours(1), "远处");
        await using (var db = w.App.Db())
        {
            var row = await db.VolunteerActivities.SingleAsync(a => a.Id == far.Id);
            row.Latitude += 0.5;
            await db.SaveChangesAsync();
        }
        var volunteer = await w.VolunteerAsync();
        var y = w.District.Bounds.MinY + 0.005;
        var x = w.District.Bounds.MinX + 0.005;
        var list = await volunteer.Get<List<ActivityDto>>($"/api/volunteering/activities?lat={y}&lng={x}");
        var ours = list.Where(a => a.Id == near.Id || a.Id == far.Id).ToList();
        Assert.Equal([near.Id, far.Id], ours.Select(a => a.Id));
        Assert.True(ours[1].DistanceKm > 50);

        var other = await w.VolunteerAsync();
        await SignUp(other, near.Id);
        Assert.Empty((await volunteer.Get<MyHoursDto>("/api/volunteering/me/hours")).Lines);
        Assert.Null((await Activity(volunteer, near.Id)).Mine);
    }
}
