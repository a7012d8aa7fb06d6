using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.BrowserTests.Infrastructure;
using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Modules.Points.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CivicGrid.BrowserTests.Points;

/// <summary>Points end to end: a volunteer's check-out earns (the projection runs on its timer), the volunteer sees it on
/// the phone and spends it, the merchant redeems the code at its counter.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class VolunteerEarnsAndSpendsTests(ConsoleFixture app)
{
    [ChromiumFact]
    public async Task A_check_out_earns_points_the_volunteer_spends_and_the_merchant_redeems()
    {
        var staff = await Api.ClientAsync(app, "community1");
        var community = await Api.CommunityOf(app, "community1");
        // An hour is worth 60 here and nothing caps it, so the demo's hours earlier this month cannot cut this one to 0.
        var rules = await Api.GetAsync(staff, $"/api/points/rules?area={community}");
        var version = rules.EnumerateArray().Single(r => r.GetProperty("kind").GetString() == PointsEventKinds.VolunteerHours).GetProperty("version").GetInt32();
        var rule = await staff.PutAsJsonAsync($"/api/points/rules/{community}/{PointsEventKinds.VolunteerHours}",
            new { pointsPerUnit = 60, capPerDay = (int?)null, capPerMonth = (int?)null, version });
        Assert.True(rule.IsSuccessStatusCode, await rule.Content.ReadAsStringAsync());
        var title = $"积分志愿{Guid.NewGuid():N}"[..12];
        var now = DateTimeOffset.UtcNow;
        var id = (await Api.PostAsync(staff, "/api/volunteering/activities", new
        {
            communityCode = community, title, description = "陪老人读报", startsAt = now.AddHours(-1), endsAt = now.AddHours(2),
            address = "社区广场", longitude = 118.05, latitude = 36.8, places = 10,
        })).GetProperty("id").GetGuid();

        var phone = await app.SignInAsync("volunteer1", "/m/points", ConsoleFixture.Phone);
        var before = int.Parse(await phone.GetByTestId("points-balance").InnerTextAsync());
        await phone.GotoAsync($"/m/activities/{id}");
        await phone.GetByTestId("signup").ClickAsync();
        await Expect(phone.GetByTestId("activity-done")).ToHaveTextAsync("报名成功。");
        await phone.GotoAsync(await ScanUrl(staff, id));
        await phone.GetByTestId("confirm-scan").ClickAsync();
        await Expect(phone.GetByTestId("activity-done")).ToHaveTextAsync("签到成功。");
        await BackdateCheckInAsync(id, TimeSpan.FromMinutes(45)); // real time passes too slowly for a test
        await phone.GotoAsync(await ScanUrl(staff, id));
        await phone.GetByTestId("confirm-scan").ClickAsync();
        await Expect(phone.GetByTestId("activity-done")).ToContainTextAsync("签退成功");

        // The projection credits the check-out within its 2-second tick: 45 to 47 minutes at 60 an hour.
        var earned = await BalanceAfterAsync(phone, b => b >= before + 45) - before;
        Assert.InRange(earned, 45, 47);
        await Expect(phone.GetByTestId("points-history").Locator("li").Filter(new() { HasText = title })).ToContainTextAsync("志愿服务时长");

        // Something to spend it on in the volunteer's own catalog, honoured by the demo merchant's shop.
        var volunteer = await Api.ClientAsync(app, "volunteer1");
        var home = (await Api.GetAsync(volunteer, "/api/points/me")).GetProperty("areaCode").GetString()![..12];
        var itemName = $"志愿者专享{Guid.NewGuid():N}"[..9];
        await AddItemAsync(home, itemName, price: 30);
        await phone.ReloadAsync();
        var afterEarning = int.Parse(await phone.GetByTestId("points-balance").InnerTextAsync());
        await phone.Locator($"[data-testid=points-item][data-name='{itemName}']").GetByTestId("points-redeem").ClickAsync();
        await Expect(phone.GetByTestId("points-redeemed")).ToBeVisibleAsync();
        Assert.Equal(afterEarning - 30, int.Parse(await phone.GetByTestId("points-balance").InnerTextAsync()));
        var issued = phone.Locator("[data-testid=points-code][data-status=Issued]").Filter(new() { HasText = itemName });
        var code = (await issued.GetByTestId("points-code-text").InnerTextAsync()).Trim();

        var counter = await app.SignInAsync("merchant1", "/points/merchant");
        await ConsoleFixture.WaitForCircuitAsync(counter);
        await counter.Locator("input[data-testid=merchant-code], [data-testid=merchant-code] input").First.FillAsync(code);
        await counter.GetByTestId("merchant-redeem").ClickAsync();
        await Expect(counter.GetByTestId("merchant-done")).ToContainTextAsync(itemName);

        await phone.ReloadAsync();
        await Expect(phone.Locator("[data-testid=points-code][data-status=Redeemed]").Filter(new() { HasText = itemName })).ToHaveCountAsync(1);
        await ConsoleFixture.ScreenshotAsync(phone, "mobile-points-earned");
    }

    static async Task<string> ScanUrl(HttpClient staff, Guid activity) =>
        (await Api.GetAsync(staff, $"/api/volunteering/activities/{activity}/code")).GetProperty("url").GetString()!;

    static async Task<int> BalanceAfterAsync(IPage phone, Func<int, bool> reached)
    {
        for (var i = 0; ; i++)
        {
            await phone.GotoAsync("/m/points");
            var balance = int.Parse(await phone.GetByTestId("points-balance").InnerTextAsync());
            if (reached(balance) || i == 30) return balance;
            await Task.Delay(500);
        }
    }

    SqliteCivicGridDbContext Db()
    {
        var options = new DbContextOptionsBuilder<SqliteCivicGridDbContext>();
        DatabaseSetup.Configure(options, DatabaseProvider.Sqlite, $"Data Source={app.DatabasePath}");
        return new SqliteCivicGridDbContext(options.Options).WithScope(DataScope.Unrestricted);
    }

    async Task BackdateCheckInAsync(Guid activityId, TimeSpan by)
    {
        await using var db = Db();
        var signup = await db.ActivitySignups.SingleAsync(s => s.ActivityId == activityId && s.CheckedInAt != null);
        signup.CheckedInAt -= by;
        await db.SaveChangesAsync();
    }

    /// <summary>The catalog item, written as the demo writes its catalog (staff may only pick a merchant of their own area,
    /// and the volunteer's home need not be the merchant's).</summary>
    async Task AddItemAsync(string community, string name, int price)
    {
        await using var db = Db();
        var merchant = await (from u in db.Users join s in db.AccountScopes on u.Id equals s.AccountId
                              where u.UserName == "merchant1" && s.Kind == ScopeKind.Unit select s.UnitId!.Value).SingleAsync();
        db.RedemptionItems.Add(new RedemptionItem
        {
            Id = Guid.CreateVersion7(), AreaCode = community, Category = RedemptionCategory.PartnerShop, Name = name, Price = price,
            Stock = 5, MerchantId = merchant,
        });
        await db.SaveChangesAsync();
    }
}
