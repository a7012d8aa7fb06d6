using CivicGrid.BrowserTests.Infrastructure;
using CivicGrid.Modules.People.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CivicGrid.BrowserTests.Volunteering;

/// <summary>
/// 双报到 in the browser: an in-service party member registers on the phone (a wrong ID number first, refused in
/// Chinese); a unit registers on its console page, the community confirms on /volunteering, and the unit is then a
/// member of the community's 大党委 on the co-building page.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class DualRegistrationTests(ConsoleFixture app)
{
    [ChromiumFact]
    public async Task A_party_member_registers_on_the_phone_after_a_wrong_ID_number_is_refused_in_Chinese()
    {
        // A resident of community1 with an account of their own, and their party member record (no API writes those).
        var staff = await Api.ClientAsync(app, "community1");
        var household = (await Api.GetAsync(staff, "/api/households?pageSize=1")).GetProperty("items")[0].GetProperty("id").GetGuid();
        var name = $"党员{Guid.NewGuid():N}"[..8];
        var idCard = IdCards.New();
        var resident = (await Api.PostAsync(staff, "/api/residents", new
        {
            householdId = household, name, idCard, phone = (string?)null, residenceType = "Registered", relationToHead = "其他", tags = Array.Empty<string>(),
        })).GetProperty("id").GetGuid();
        var userName = $"pm{Guid.NewGuid():N}"[..12];
        await Api.PostAsync(await Api.ClientAsync(app, "admin"), "/api/accounts", new
        {
            userName, displayName = $"居民 {name}", password = ConsoleFixture.Password, roles = new[] { "resident" },
            scopes = new[] { new { kind = "Self", areaCode = (string?)null, unitId = (Guid?)null, residentId = (Guid?)resident } },
        });
        var (employerId, employerName) = await AddPartyMemberAsync(resident, name);

        var phone = await app.SignInAsync(userName, "/m", ConsoleFixture.Phone);
        await phone.GetByTestId("register-link").ClickAsync();
        await phone.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/m/register");
        await phone.GetByTestId("register-name").FillAsync(name);
        await phone.GetByTestId("register-idcard").FillAsync(IdCards.New()); // well-formed, but not theirs
        await phone.GetByTestId("register-employer").SelectOptionAsync(employerId.ToString());
        await phone.GetByTestId("register-submit").ClickAsync();
        await Expect(phone.GetByTestId("register-error")).ToHaveTextAsync("身份核验未通过：未找到与姓名、身份证号、工作单位相符的在职党员记录。");
        Assert.DoesNotContain(name, Uri.UnescapeDataString(phone.Url));

        // The unit chosen comes back selected; the name and ID number are typed again.
        await Expect(phone.GetByTestId("register-employer")).ToHaveValueAsync(employerId.ToString());
        await phone.GetByTestId("register-name").FillAsync(name);
        await phone.GetByTestId("register-idcard").FillAsync(idCard);
        await phone.GetByTestId("register-submit").ClickAsync();
        await Expect(phone.GetByTestId("register-done")).ToHaveTextAsync("报到已提交，等待社区确认。");
        await Expect(phone.GetByTestId("my-registration")).ToContainTextAsync(employerName);
        await Expect(phone.GetByTestId("registration-status")).ToContainTextAsync("待确认");
        await Expect(phone.GetByTestId("register-form")).ToHaveCountAsync(0);
        await ConsoleFixture.ScreenshotAsync(phone, "mobile-register");
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));

        // The cookie was issued again with the volunteer role: activities can be signed up for at once.
        await phone.GotoAsync("/m/activities");
        await Expect(phone.GetByTestId("activities")).ToBeVisibleAsync();
        var me = await Api.Json(phone, "/api/auth/me");
        Assert.Contains("volunteering.serve", me.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()));
    }

    [ChromiumFact]
    public async Task A_unit_registers_on_its_page_the_community_confirms_and_the_unit_joins_the_communitys_alliance()
    {
        // unit2's unit is paired with community1; community2 is new to it.
        var community2 = await Api.CommunityOf(app, "community2");
        var communityName = (await Api.GetAsync(await Api.ClientAsync(app, "community2"), $"/api/areas/{community2}")).GetProperty("area").GetProperty("name").GetString()!;

        var unit = await app.SignInAsync("unit2", "/volunteering/unit");
        await ConsoleFixture.WaitForCircuitAsync(unit);
        await Expect(unit.GetByTestId("nav-volunteering-unit")).ToBeVisibleAsync();
        var unitName = await UnitNameAsync(unit);
        await unit.GetByTestId("unit-community").ClickAsync();
        await unit.GetByRole(AriaRole.Option, new() { Name = communityName, Exact = true }).ClickAsync();
        await unit.GetByTestId("unit-register").ClickAsync();
        await Expect(unit.GetByTestId("unit-message")).ToHaveTextAsync("已提交报到，等待社区确认。");
        var row = unit.GetByTestId("unit-registration-row").Filter(new() { HasText = communityName });
        await Expect(row.GetByTestId("unit-registration-status")).ToHaveTextAsync("待确认");
        await Expect(unit.GetByTestId("unit-report-excel")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex(@"^/api/volunteering/reports/units/[0-9a-f-]{36}/excel"));
        var pdf = await unit.RunAndWaitForDownloadAsync(() => unit.GetByTestId("unit-report-pdf").ClickAsync());
        Assert.EndsWith("年度志愿服务报告.pdf", pdf.SuggestedFilename);
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(await File.ReadAllBytesAsync((await pdf.PathAsync())!), 0, 5));

        var staff = await app.SignInAsync("community2", "/volunteering");
        await ConsoleFixture.WaitForCircuitAsync(staff);
        await Expect(staff.GetByTestId("nav-volunteering-unit")).ToHaveCountAsync(0);
        await staff.GetByRole(AriaRole.Tab, new() { Name = "双报到" }).ClickAsync();
        var registration = staff.GetByTestId("registration-row").Filter(new() { HasText = unitName })
            .Filter(new() { Has = staff.GetByRole(AriaRole.Cell, new() { Name = "单位", Exact = true }) });
        await registration.GetByTestId("confirm-registration").ClickAsync();
        await Expect(registration).ToContainTextAsync("已确认");

        // Paired: the unit is a member of community2's 大党委.
        await staff.GotoAsync("/cobuilding");
        await ConsoleFixture.WaitForCircuitAsync(staff);
        await staff.GetByRole(AriaRole.Tab, new() { Name = "党建联盟" }).ClickAsync();
        await staff.GetByTestId("alliance-table").Locator("tr").Filter(new() { HasText = $"{communityName}大党委" }).First.ClickAsync();
        await Expect(staff.GetByTestId("alliance-detail")).ToContainTextAsync(unitName);
        await ConsoleFixture.ScreenshotAsync(staff, "unit-paired-alliance");

        await unit.ReloadAsync();
        await ConsoleFixture.WaitForCircuitAsync(unit);
        await Expect(unit.GetByTestId("unit-registration-row").Filter(new() { HasText = communityName }).GetByTestId("unit-registration-status"))
            .ToHaveTextAsync("已确认");
        await ConsoleFixture.ScreenshotAsync(unit, "unit-registration");
    }

    /// <summary>The name of the unit the signed-in unit account acts for (the unit report names it).</summary>
    static async Task<string> UnitNameAsync(IPage unit)
    {
        var me = await Api.Json(unit, "/api/auth/me");
        var unitId = me.GetProperty("unitIds")[0].GetGuid();
        return (await Api.Json(unit, $"/api/volunteering/reports/units/{unitId}")).GetProperty("unitName").GetString()!;
    }

    async Task<(Guid Id, string Name)> AddPartyMemberAsync(Guid residentId, string name)
    {
        var options = new DbContextOptionsBuilder<SqliteCivicGridDbContext>();
        DatabaseSetup.Configure(options, DatabaseProvider.Sqlite, $"Data Source={app.DatabasePath}");
        await using var db = new SqliteCivicGridDbContext(options.Options).WithScope(DataScope.Unrestricted);
        var area = await db.Residents.Where(r => r.Id == residentId).Select(r => r.AreaCode).SingleAsync();
        var street = area[..9];
        var party = await db.PartyOrganisations.Where(p => p.AreaCode.StartsWith(street)).OrderByDescending(p => p.AreaCode).FirstAsync();
        var employer = await db.Organisations.Where(o => o.Kind == OrganisationKind.Enterprise).OrderBy(o => o.Name).FirstAsync();
        db.PartyMembers.Add(new PartyMember
        {
            Id = Guid.NewGuid(), AreaCode = area, PartyOrganisationId = party.Id, ResidentId = residentId, Name = name, InService = true, EmployerId = employer.Id,
        });
        await db.SaveChangesAsync();
        return (employer.Id, employer.Name);
    }
}
