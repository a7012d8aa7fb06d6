using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CivicGrid.BrowserTests.Infrastructure;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CivicGrid.BrowserTests.Volunteering;

/// <summary>The volunteer's loop on the phone against the organiser's console: sign up, scan in, scan out, see the hours.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class VolunteerCheckInTests(ConsoleFixture app)
{
    [ChromiumFact]
    public async Task Volunteer_signs_up_checks_in_and_out_by_opening_the_organisers_QR_url_and_sees_the_hours()
    {
        var staff = await Api.ClientAsync(app, "community1");
        var community = await Api.CommunityOf(app, "community1");
        var title = $"红色星期六{Guid.NewGuid():N}"[..12];
        var now = DateTimeOffset.UtcNow;
        var created = await staff.PostAsJsonAsync("/api/volunteering/activities", new
        {
            communityCode = community, title, description = "清理楼道杂物", startsAt = now.AddHours(-1), endsAt = now.AddHours(2),
            address = "社区广场", longitude = 118.05, latitude = 36.8, places = 10,
        });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var phone = await app.SignInAsync("volunteer1", "/m/activities", ConsoleFixture.Phone);
        await phone.GotoAsync("/m/activities");
        await phone.Locator($"[data-testid=activity][data-id='{id}'] a").ClickAsync();
        await phone.GetByTestId("signup").ClickAsync();
        await Expect(phone.GetByTestId("activity-done")).ToHaveTextAsync("报名成功。");
        await Expect(phone.GetByTestId("my-status")).ToContainTextAsync("已报名");

        // The organiser shows the live code; the phone camera would open its URL.
        var console = await app.SignInAsync("community1", "/volunteering");
        await ConsoleFixture.WaitForCircuitAsync(console);
        await console.Locator("[data-testid=activity-row]", new() { HasText = title }).GetByTestId("open-activity").ClickAsync();
        await Expect(console.GetByTestId("qr").Locator("svg")).ToBeVisibleAsync();
        var url = await console.GetByTestId("scan-url").InnerTextAsync();
        Assert.Contains($"/m/activities/{id}/scan?c=", url);
        await phone.GotoAsync(url);
        await phone.GetByTestId("confirm-scan").ClickAsync();
        await Expect(phone.GetByTestId("activity-done")).ToHaveTextAsync("签到成功。");

        // Real time passes too slowly for a test: the check-in is moved 45 minutes back in the database.
        await BackdateCheckInAsync(id, TimeSpan.FromMinutes(45));

        await phone.GotoAsync(await console.GetByTestId("scan-url").InnerTextAsync());
        await phone.GetByTestId("confirm-scan").ClickAsync();
        await Expect(phone.GetByTestId("activity-done")).ToContainTextAsync("签退成功");
        var served = await phone.GetByTestId("my-minutes").InnerTextAsync();
        Assert.InRange(int.Parse(Regex.Match(served, @"\d+").Value), 45, 47);

        await phone.GotoAsync("/m/hours");
        await Expect(phone.GetByTestId("hours-line").Filter(new() { HasText = title })).ToContainTextAsync("服务时长");
        await ConsoleFixture.ScreenshotAsync(phone, "mobile-hours");
        await Expect(console.GetByTestId("attendee").Filter(new() { HasText = "志愿者" }).GetByTestId("attendee-minutes")).Not.ToBeEmptyAsync();
    }

    async Task BackdateCheckInAsync(Guid activityId, TimeSpan by)
    {
        var options = new DbContextOptionsBuilder<SqliteCivicGridDbContext>();
        DatabaseSetup.Configure(options, DatabaseProvider.Sqlite, $"Data Source={app.DatabasePath}");
        await using var db = new SqliteCivicGridDbContext(options.Options).WithScope(DataScope.Unrestricted);
        var signup = await db.ActivitySignups.SingleAsync(s => s.ActivityId == activityId && s.CheckedInAt != null);
        signup.CheckedInAt -= by;
        await db.SaveChangesAsync();
    }
}
