using System.Net;
using System.Text.Json;
using CivicGrid.IntegrationTests.Infrastructure;
using CivicGrid.Modules.Cases.Domain;
using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.IntegrationTests.Open311;

/// <summary>POST requests.{fmt}: a third-party app files a case through the same intake as POST /api/cases.</summary>
public sealed class SubmitServiceRequestTests(Apps apps) : IClassFixture<Apps>
{
    async Task<(TestApp App, TestDistrict District)> Arrange(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        await Open311Data.Catalog(app);
        await Open311Data.Channel(app);
        return (app, await A.District(app));
    }

    static async Task<int> CasesDescribed(TestApp app, string description)
    {
        await using var db = app.Db();
        return await db.Cases.CountAsync(c => c.Description == description);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_request_becomes_a_case_the_community_staff_see_through_the_api(DatabaseProvider provider)
    {
        var (app, district) = await Arrange(provider);
        var grid = district.GridsOf(district.CommunityA).First();
        var form = Open311Data.Form(grid);
        (form["first_name"], form["last_name"], form["phone"], form["email"]) = ("小明", "王", "139 1234 5678", "wang@example.com");

        var response = await Open311Data.Submit(app.CreateClient(), form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = Assert.Single((await Open311Data.Json(response)).EnumerateArray());
        var number = answer.GetProperty("service_request_id").GetString()!;
        Assert.StartsWith($"{district.Code[..6]}-2026-", number);
        Assert.Contains(number, answer.GetProperty("service_notice").GetString());
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("account_id").ValueKind);
        Assert.False(answer.TryGetProperty("token", out _)); // created at once: an id, never a token

        var staff = await app.ClientFor(await A.Account(app, Roles.CommunityStaff, A.AreaScope(district.CommunityA)));
        var found = await staff.Get<JsonElement>($"/api/cases?q={number}");
        var id = Assert.Single(found.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid();
        var detail = await staff.Get<JsonElement>($"/api/cases/{id}");
        var @case = detail.GetProperty("case");
        Assert.Equal(number, @case.GetProperty("number").GetString());
        Assert.Equal(nameof(CaseSource.Open311), @case.GetProperty("source").GetString());
        Assert.Equal(nameof(CaseStatus.Reported), @case.GetProperty("status").GetString());
        Assert.Equal(Open311Data.ItemCode, @case.GetProperty("itemCode").GetString());
        Assert.Equal(grid.AreaCode, @case.GetProperty("areaCode").GetString());
        Assert.Equal("测试路12号东侧", @case.GetProperty("address").GetString());
        Assert.Equal("王小明", detail.GetProperty("reporterName").GetString());
        Assert.Equal("139****5678", detail.GetProperty("reporterPhone").GetString());

        var otherCommunity = await app.ClientFor(await A.Account(app, Roles.CommunityStaff, A.AreaScope(district.CommunityC)));
        Assert.Equal(HttpStatusCode.NotFound, (await otherCommunity.GetAsync($"/api/cases/{id}")).StatusCode);

        await app.Services.GetRequiredService<Modules.Audit.OperationLogWriter>().FlushAsync(CancellationToken.None); // written in batches
        await using var db = app.Db();
        var logged = await db.OperationLog.Where(e => e.Endpoint.StartsWith("/open311/v2/requests") && e.Method == "POST").ToListAsync();
        Assert.Contains(logged, e => e.AccountName == TestApp.Open311UserName && e.Status == 200);
        var text = JsonSerializer.Serialize(logged);
        Assert.DoesNotContain(TestApp.Open311ApiKey, text);
        Assert.DoesNotContain("13912345678", text);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_xml_answer_carries_the_same_request_id(DatabaseProvider provider)
    {
        var (app, district) = await Arrange(provider);
        var description = $"XML 上报 {Guid.NewGuid():N}";

        var xml = await Open311Data.Xml(await Open311Data.Submit(app.CreateClient(), Open311Data.Form(district.Grids[1], description), "xml"));

        Assert.Equal("service_requests", xml.Name.LocalName);
        var number = Assert.Single(xml.Elements("request")).Element("service_request_id")!.Value;
        await using var db = app.Db();
        Assert.Equal(number, (await db.Cases.SingleAsync(c => c.Description == description)).Number);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_description_may_have_4000_characters_and_not_one_more(DatabaseProvider provider)
    {
        var (app, district) = await Arrange(provider);
        var client = app.CreateClient();
        var grid = district.Grids[2];
        var longest = Guid.NewGuid().ToString("N") + new string('长', 4000 - 32);
        var tooLong = longest + "多";

        Assert.Equal(HttpStatusCode.OK, (await Open311Data.Submit(client, Open311Data.Form(grid, longest))).StatusCode);
        Assert.Equal("问题描述不能超过4000字。", await Open311Data.Error(await Open311Data.Submit(client, Open311Data.Form(grid, tooLong)), 400));
        Assert.Equal("请填写问题描述。", await Open311Data.Error(await Open311Data.Submit(client, Open311Data.Form(grid, "  ")), 400));
        Assert.Equal(1, await CasesDescribed(app, longest));
        Assert.Equal(0, await CasesDescribed(app, tooLong));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_missing_or_unknown_api_key_or_one_mapped_to_staff_is_refused_with_403(DatabaseProvider provider)
    {
        var (app, district) = await Arrange(provider);
        await Open311Data.Channel(app, TestApp.Open311StaffUserName, Roles.CommunityStaff);
        var client = app.CreateClient();
        var grid = district.Grids[0];
        var description = $"无权上报 {Guid.NewGuid():N}";

        var unknown = Open311Data.Form(grid, description, apiKey: "no-such-key");
        Assert.Equal("api_key 无效或缺失，请向平台管理员申请。", await Open311Data.Error(await Open311Data.Submit(client, unknown), 403));
        var missing = Open311Data.Form(grid, description);
        missing.Remove("api_key");
        await Open311Data.Error(await Open311Data.Submit(client, missing), 403);
        // Configured, and its account exists, but it is staff: a leaked key must not carry staff scope.
        await Open311Data.Error(await Open311Data.Submit(client, Open311Data.Form(grid, description, TestApp.Open311StaffApiKey)), 403);
        var xml = await Open311Data.Xml(await Open311Data.Submit(client, unknown, "xml"));
        Assert.Equal("403", xml.Element("error")!.Element("code")!.Value);

        Assert.Equal(0, await CasesDescribed(app, description));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Unknown_services_bad_places_and_bad_numbers_are_400_in_the_callers_language(DatabaseProvider provider)
    {
        var (app, district) = await Arrange(provider);
        var client = app.CreateClient();
        var grid = district.Grids[3];

        var unknown = Open311Data.Form(grid);
        unknown["service_code"] = "0000";
        Assert.Equal("事项类别不存在或已停用。", await Open311Data.Error(await Open311Data.Submit(client, unknown), 400));
        var retired = Open311Data.Form(grid);
        retired["service_code"] = Open311Data.RetiredItemCode;
        await Open311Data.Error(await Open311Data.Submit(client, retired), 400);

        var outside = Open311Data.Form(grid);
        (outside["lat"], outside["long"]) = ("10.5", "10.5");
        Assert.Equal("所选位置不在任何网格内，请重新选择位置。", await Open311Data.Error(await Open311Data.Submit(client, outside), 400));
        var english = await client.PostAsync("/open311/v2/requests.json?culture=en", new FormUrlEncodedContent(outside));
        Assert.Equal("The location is outside every grid of this platform; choose another location.", await Open311Data.Error(english, 400));

        var garbled = Open311Data.Form(grid);
        garbled["lat"] = "north";
        Assert.Equal("lat 和 long 须为数字（WGS-84 经纬度）。", await Open311Data.Error(await Open311Data.Submit(client, garbled), 400));
        var nowhere = Open311Data.Form(grid);
        nowhere.Remove("lat");
        nowhere.Remove("long");
        Assert.Equal("请在地图上选择位置或使用定位。", await Open311Data.Error(await Open311Data.Submit(client, nowhere), 400));
        var badPhone = Open311Data.Form(grid);
        badPhone["phone"] = "12345";
        Assert.Equal("联系电话无效（须为11位手机号）。", await Open311Data.Error(await Open311Data.Submit(client, badPhone), 400));

        var json = await client.PostAsync("/open311/v2/requests.json", JsonContent(Open311Data.Form(grid)));
        Assert.Equal("请以 application/x-www-form-urlencoded 格式提交。", await Open311Data.Error(json, 400));
    }

    static StringContent JsonContent(object body) => new(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");

    [Theory, OnSqlite, OnPostgres]
    public async Task A_retry_with_the_same_idempotency_key_answers_with_the_same_request(DatabaseProvider provider)
    {
        var (app, district) = await Arrange(provider);
        var client = app.CreateClient();
        var description = $"重试上报 {Guid.NewGuid():N}";
        var form = Open311Data.Form(district.Grids[4], description);
        var key = Guid.NewGuid().ToString();

        var first = await Open311Data.Json(await Open311Data.Submit(client, form, idempotencyKey: key));
        var again = await Open311Data.Json(await Open311Data.Submit(client, form, idempotencyKey: key));

        Assert.Equal(first[0].GetProperty("service_request_id").GetString(), again[0].GetProperty("service_request_id").GetString());
        Assert.Equal(1, await CasesDescribed(app, description));
        var changed = Open311Data.Form(district.Grids[4], description + "（补充）");
        Assert.Equal("该请求标识已用于另一内容不同的上报。", await Open311Data.Error(await Open311Data.Submit(client, changed, idempotencyKey: key), 409));
    }
}
