using System.Text.Json;
using CivicGrid.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CivicGrid.BrowserTests.Volunteering;

/// <summary>候补转正 on the phone: a place is given back, the first waiting volunteer gets it and sees the notice on top of /m/activities.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class PromotionNoticeTests(ConsoleFixture app)
{
    [ChromiumFact]
    public async Task A_volunteer_promoted_from_the_waiting_list_sees_the_notice_on_the_activities_page()
    {
        var staff = await Api.ClientAsync(app, "community1");
        var community = await Api.CommunityOf(app, "community1");
        var title = $"敬老院陪伴{Guid.NewGuid():N}"[..11];
        var now = DateTimeOffset.UtcNow;
        var activity = (await Api.PostAsync(staff, "/api/volunteering/activities", new
        {
            communityCode = community, title, description = "陪老人聊天", startsAt = now.AddDays(2), endsAt = now.AddDays(2).AddHours(2),
            address = "社区敬老院", longitude = 118.05, latitude = 36.8, places = 1,
        })).GetProperty("id").GetGuid();
        // building1 holds the only place; volunteer1 waits; building1 gives it back.
        var holder = await Api.ClientAsync(app, "building1");
        var volunteer = await Api.ClientAsync(app, "volunteer1");
        await Api.PostAsync(holder, $"/api/volunteering/activities/{activity}/signup", new { });
        var waiting = await Api.PostAsync(volunteer, $"/api/volunteering/activities/{activity}/signup", new { });
        Assert.Equal("Waiting", waiting.GetProperty("mine").GetProperty("status").GetString());
        await Api.PostAsync(holder, $"/api/volunteering/activities/{activity}/cancel", new { });

        var phone = await app.SignInAsync("volunteer1", "/m", ConsoleFixture.Phone);
        await Expect(phone.GetByTestId("activities-badge")).ToBeVisibleAsync();
        await phone.GetByTestId("activities-link").ClickAsync();
        var notice = phone.GetByTestId("volunteer-notice").Filter(new() { HasText = title });
        await Expect(notice).ToContainTextAsync($"候补转正：您已获得“{title}”的名额");
        await ConsoleFixture.ScreenshotAsync(phone, "mobile-promotion-notice");
        await notice.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(phone.GetByTestId("my-status")).ToContainTextAsync("已报名");

        // 知道了: read, gone from the list; the building leader, who gave the place back, has no such notice.
        await phone.GotoAsync("/m/activities");
        await phone.GetByTestId("notices-read").ClickAsync();
        await Expect(phone.GetByTestId("volunteer-notices")).ToHaveCountAsync(0);
        var theirs = await Api.GetAsync(holder, "/api/volunteering/me/notices");
        Assert.DoesNotContain(theirs.EnumerateArray(), n => n.GetProperty("activityId").GetGuid() == activity);
    }
}
