using System.Globalization;
using CivicGrid.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using static CivicGrid.BrowserTests.Infrastructure.ConsoleFixture;

namespace CivicGrid.BrowserTests.Volunteering;

/// <summary>
/// The volunteering desk's 发布活动 form: a double click publishes one activity, and the form is cleared afterwards, so
/// clicking 发布 again asks for the next activity's details instead of publishing the same one twice.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class PublishActivityFormTests(ConsoleFixture app)
{
    [ChromiumFact]
    public async Task A_double_click_publishes_one_activity_and_the_form_is_cleared_for_the_next()
    {
        var title = $"义诊{Guid.NewGuid():N}"[..12];
        var page = await app.SignInAsync("community1", "/volunteering");
        await ConsoleFixture.WaitForCircuitAsync(page);

        var starts = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).Date.AddDays(3).AddHours(9);
        await Field(page, "pub-title").FillAsync(title);
        await Field(page, "pub-starts").FillAsync(starts.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        await Field(page, "pub-ends").FillAsync(starts.AddHours(2).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        await Field(page, "pub-address").FillAsync("社区卫生服务站");
        await Field(page, "pub-lon").FillAsync("118.05");
        await Field(page, "pub-lat").FillAsync("36.8");
        await Field(page, "pub-lat").PressAsync("Tab");
        await page.GetByTestId("publish").DblClickAsync();

        // The second click either comes while the first runs (ignored) or after it, on the cleared form (refused, so the
        // message may be either): one activity in both cases.
        var rows = page.GetByTestId("activity-row").Filter(new() { HasText = title });
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(Field(page, "pub-title")).ToHaveValueAsync("");
        await Expect(Field(page, "pub-address")).ToHaveValueAsync("");

        // 发布 again on the cleared form: the form's own message, and still one activity.
        await page.GetByTestId("publish").ClickAsync();
        await Expect(page.GetByTestId("vol-message")).ToContainTextAsync("活动信息不完整");
        await Expect(rows).ToHaveCountAsync(1);
        var staff = await Api.ClientAsync(app, "community1");
        var listed = await Api.GetAsync(staff, "/api/volunteering/activities");
        Assert.Equal(1, listed.EnumerateArray().Count(a => a.GetProperty("title").GetString() == title));
    }
}
