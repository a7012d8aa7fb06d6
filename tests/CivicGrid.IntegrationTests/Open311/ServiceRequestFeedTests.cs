using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.IntegrationTests.Infrastructure;
using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Modules.People.Domain;
using CivicGrid.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.IntegrationTests.Open311;

/// <summary>
/// GET requests, requests/{id}, tokens/{token} and servicerequestupdates: the public feed, anonymous, checked against the
/// schemas, free of personal data, and following cases the console moves through the REST routes.
/// </summary>
public sealed class ServiceRequestFeedTests(Apps apps) : IClassFixture<Apps>
{
    const string Today = "start_date=2026-11-23T00:00:00%2B08:00&end_date=2026-11-24T00:00:00%2B08:00";

    async Task<(TestApp App, TestDistrict District, HttpClient Public)> Arrange(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        await Open311Data.Catalog(app);
        await Open311Data.Channel(app);
        return (app, await A.District(app), app.CreateClient());
    }

    static async Task<string> FiledByWang(HttpClient client, TestDistrict district)
    {
        var form = Open311Data.Form(district.GridsOf(district.CommunityA).First(), $"路灯不亮 {Guid.NewGuid():N}");
        (form["first_name"], form["last_name"], form["phone"]) = ("小明", "王", "13912345678");
        var response = await Open311Data.Submit(client, form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await Open311Data.Json(response))[0].GetProperty("service_request_id").GetString()!;
    }

    static async Task<Guid> CaseId(TestApp app, string number)
    {
        await using var db = app.Db();
        return await db.Cases.Where(c => c.Number == number).Select(c => c.Id).SingleAsync();
    }

    static async Task Post(HttpClient client, string url, object body)
    {
        var response = await client.PostAsJsonAsync(url, body);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    static IEnumerable<JsonElement> Of(JsonElement list, string number) =>
        list.EnumerateArray().Where(r => r.GetProperty("service_request_id").GetString() == number);

    [Theory, OnSqlite, OnPostgres]
    public async Task The_feed_matches_the_schema_in_china_time_and_shows_no_reporter(DatabaseProvider provider)
    {
        var (app, district, client) = await Arrange(provider);
        var number = await FiledByWang(client, district);

        var list = await client.GetAsync("/open311/v2/requests.json");
        await Open311Data.AssertValid("requests.json", list);
        var single = await client.GetAsync($"/open311/v2/requests/{number}.json");
        await Open311Data.AssertValid("requests.json", single);
        var request = Assert.Single(Of(await Open311Data.Json(single), number));
        Assert.Single(Of(await Open311Data.Json(list), number));
        Assert.Equal("open", request.GetProperty("status").GetString());
        Assert.Equal("已收到，等待受理", request.GetProperty("status_notes").GetString());
        Assert.Equal(Open311Data.ItemCode, request.GetProperty("service_code").GetString());
        Assert.Equal(Open311Data.ItemName, request.GetProperty("service_name").GetString());
        Assert.StartsWith("路灯不亮", request.GetProperty("description").GetString());
        Assert.Equal("测试路12号东侧", request.GetProperty("address").GetString());
        Assert.Equal("2026-11-23T10:00:00+08:00", request.GetProperty("requested_datetime").GetString()); // the clock's 02:00Z
        Assert.Equal(Open311Data.PointIn(district.GridsOf(district.CommunityA).First()).Lat, request.GetProperty("lat").GetDouble(), 9);
        Assert.Equal(JsonValueKind.Null, request.GetProperty("agency_responsible").ValueKind);
        Assert.Equal(JsonValueKind.Null, request.GetProperty("media_url").ValueKind);

        var xmlResponse = await client.GetAsync($"/open311/v2/requests.xml?service_request_id={number}");
        var xmlText = await xmlResponse.Content.ReadAsStringAsync();
        var xml = await Open311Data.Xml(xmlResponse);
        Assert.Equal("service_requests", xml.Name.LocalName);
        var element = Assert.Single(xml.Elements("request"));
        Assert.Equal(number, element.Element("service_request_id")!.Value);
        Assert.Equal("open", element.Element("status")!.Value);
        Assert.NotEmpty(element.Element("long")!.Value);
        Assert.Equal("", element.Element("agency_responsible")!.Value);

        // The reporter's name and phone are stored (the staff see them), and none of it leaves through the feed.
        await using (var db = app.Db())
        {
            var stored = await db.Cases.SingleAsync(c => c.Number == number);
            Assert.Equal(("王小明", "139****5678"), (stored.ReporterName, stored.ReporterPhoneMasked));
        }
        foreach (var text in new[] { await list.Content.ReadAsStringAsync(), await single.Content.ReadAsStringAsync(), xmlText })
        {
            Assert.DoesNotContain("小明", text);
            Assert.DoesNotContain("13912345678", text);
            Assert.DoesNotContain("139****5678", text);
            Assert.DoesNotContain(TestApp.Open311UserName, text);
        }
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Moving_a_case_through_the_api_shows_in_the_request_and_its_updates(DatabaseProvider provider)
    {
        var (app, district, client) = await Arrange(provider);
        var number = await FiledByWang(client, district);
        var id = await CaseId(app, number);
        Organisation unit;
        await using (var db = app.Db()) unit = await db.Organisations.FirstAsync(o => o.AreaCode == district.CommunityA.AreaCode);
        var dispatcher = await app.ClientFor(await A.Account(app, Roles.CommunityStaff, A.AreaScope(district.CommunityA)));
        var handler = await app.ClientFor(await A.Account(app, Roles.DepartmentStaff, A.UnitScope(unit.Id)));
        const string privateComment = "已更换井盖，联系了王小明 13912345678";

        await Post(dispatcher, $"/api/cases/{id}/accept", new { });
        await Post(dispatcher, $"/api/cases/{id}/dispatch", new { leadUnitId = unit.Id, comment = "请尽快处理" });
        await Post(handler, $"/api/cases/{id}/sign-for", new { });
        await Post(handler, $"/api/cases/{id}/start", new { });
        await Post(handler, $"/api/cases/{id}/handled", new { comment = privateComment });

        var single = await client.GetAsync($"/open311/v2/requests/{number}.json");
        await Open311Data.AssertValid("requests.json", single);
        var request = (await Open311Data.Json(single))[0];
        Assert.Equal("open", request.GetProperty("status").GetString());
        Assert.Equal("已处置，等待核查", request.GetProperty("status_notes").GetString());
        Assert.Equal(unit.Name, request.GetProperty("agency_responsible").GetString());
        Assert.EndsWith("+08:00", request.GetProperty("expected_datetime").GetString());

        // An unescaped '+' in the query arrives as a space: the offset is read all the same.
        var updatesResponse = await client.GetAsync("/open311/v2/servicerequestupdates.json?start_date=2026-11-23T00:00:00+08:00&end_date=2026-11-24T00:00:00+08:00");
        var updatesText = await updatesResponse.Content.ReadAsStringAsync();
        var updates = Of(await Open311Data.Json(updatesResponse), number).ToList();
        Assert.Equal(["OPEN", "INVESTIGATING", "ACTION_SCHEDULED", "ACTION_SCHEDULED", "IN_PROGRESS", "FIXED"],
            updates.Select(u => u.GetProperty("status").GetString()));
        Assert.Equal(["已收到诉求", "社区已受理", "已派遣至责任单位", "责任单位已签收", "责任单位正在处置", "责任单位已处置完毕，等待核查"],
            updates.Select(u => u.GetProperty("description").GetString()));
        Assert.Equal(updates.Count, updates.Select(u => long.Parse(u.GetProperty("update_id").GetString()!)).Distinct().Count());
        Assert.All(updates, u => Assert.Equal("2026-11-23T10:00:00+08:00", u.GetProperty("updated_datetime").GetString()));
        Assert.All(updates, u => Assert.Equal("", u.GetProperty("media_url").GetString()));
        Assert.DoesNotContain("井盖", updatesText);
        Assert.DoesNotContain("请尽快处理", updatesText);
        Assert.DoesNotContain("13912345678", updatesText);

        var xml = await Open311Data.Xml(await client.GetAsync($"/open311/v2/servicerequestupdates.xml?{Today}&culture=en"));
        Assert.Equal("service_requests_updates", xml.Name.LocalName);
        var fixedUpdate = xml.Elements("request_update").Last(u => u.Element("service_request_id")!.Value == number);
        Assert.Equal("FIXED", fixedUpdate.Element("status")!.Value);
        Assert.Equal("The responsible unit reports the work done; awaiting a check on site", fixedUpdate.Element("description")!.Value);
        Assert.NotNull(fixedUpdate.Element("update_id"));
        Assert.NotNull(fixedUpdate.Element("updated_datetime"));
        Assert.NotNull(fixedUpdate.Element("media_url"));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Windows_longer_than_90_days_reversed_or_garbled_are_refused(DatabaseProvider provider)
    {
        var (app, district, client) = await Arrange(provider);
        var old = await FiledByWang(client, district);
        await using (var db = app.Db())
        {
            var stored = await db.Cases.SingleAsync(c => c.Number == old);
            stored.ReportedAt = app.Clock.GetUtcNow().AddDays(-100);
            await db.SaveChangesAsync();
        }

        const string tooLong = "90天";
        Assert.Contains(tooLong, await Open311Data.Error(await client.GetAsync("/open311/v2/requests.json?start_date=2026-08-01T00:00:00Z&end_date=2026-11-23T00:00:00Z"), 400));
        Assert.Contains(tooLong, await Open311Data.Error(await client.GetAsync("/open311/v2/requests.json?start_date=2026-08-01"), 400));
        Assert.Contains(tooLong, await Open311Data.Error(await client.GetAsync("/open311/v2/servicerequestupdates.json?start_date=2026-01-01&end_date=2026-11-01"), 400));
        Assert.Equal("start_date 不能晚于 end_date。", await Open311Data.Error(await client.GetAsync("/open311/v2/requests.json?start_date=2026-11-20&end_date=2026-11-10"), 400));
        Assert.StartsWith("日期格式无效", await Open311Data.Error(await client.GetAsync("/open311/v2/requests.json?start_date=yesterday"), 400));
        // Dates at the calendar's ends, where a window's arithmetic would run off it.
        Assert.StartsWith("日期格式无效", await Open311Data.Error(await client.GetAsync("/open311/v2/requests.json?end_date=0001-01-01"), 400));
        Assert.StartsWith("日期格式无效", await Open311Data.Error(await client.GetAsync("/open311/v2/requests.json?start_date=0001-01-01&end_date=0001-02-01"), 400));
        Assert.StartsWith("日期格式无效", await Open311Data.Error(await client.GetAsync("/open311/v2/servicerequestupdates.json?end_date=9999-12-31T23:59:59Z"), 400));
        Assert.Equal("status 只能为 open 或 closed。", await Open311Data.Error(await client.GetAsync("/open311/v2/requests.json?status=pending"), 400));
        var xmlError = await client.GetAsync("/open311/v2/requests.xml?start_date=2026-01-01");
        Assert.Equal(HttpStatusCode.BadRequest, xmlError.StatusCode);
        Assert.Equal("400", (await Open311Data.Xml(xmlError)).Element("error")!.Element("code")!.Value);

        // Exactly 90 days is allowed; the default window is the last 90 days, so the 100-day-old case is out of it but found by id.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/open311/v2/requests.json?start_date=2026-08-25T10:00:00%2B08:00&end_date=2026-11-23T10:00:00%2B08:00")).StatusCode);
        Assert.Empty(Of(await Open311Data.Json(await client.GetAsync("/open311/v2/requests.json")), old));
        Assert.Empty(Of(await Open311Data.Json(await client.GetAsync("/open311/v2/requests.json?start_date=&end_date=")), old));
        Assert.Single(Of(await Open311Data.Json(await client.GetAsync($"/open311/v2/requests.json?service_request_id={old}")), old));
        Assert.Single(Of(await Open311Data.Json(await client.GetAsync("/open311/v2/requests.json?start_date=2026-08-15&end_date=2026-08-16")), old));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Rejected_cases_leave_the_lists_but_keep_their_fate_by_id_and_staff_taken_calls_stay_private(DatabaseProvider provider)
    {
        var (app, district, client) = await Arrange(provider);
        var rejected = await FiledByWang(client, district);
        var open = await FiledByWang(client, district);
        var dispatcher = await app.ClientFor(await A.Account(app, Roles.CommunityStaff, A.AreaScope(district.CommunityA)));
        await Post(dispatcher, $"/api/cases/{await CaseId(app, rejected)}/reject", new { comment = "属于王小明家庭内部纠纷" });

        var byId = (await Open311Data.Json(await client.GetAsync($"/open311/v2/requests/{rejected}.json")))[0];
        Assert.Equal("closed", byId.GetProperty("status").GetString());
        Assert.Equal("不予受理", byId.GetProperty("status_notes").GetString());
        Assert.Equal(JsonValueKind.Null, byId.GetProperty("description").ValueKind);
        Assert.Empty(Of(await Open311Data.Json(await client.GetAsync("/open311/v2/requests.json")), rejected));
        Assert.Empty(Of(await Open311Data.Json(await client.GetAsync("/open311/v2/requests.json?status=closed")), rejected));
        var both = await Open311Data.Json(await client.GetAsync($"/open311/v2/requests.json?service_request_id={rejected},{open}"));
        Assert.Equal(["closed", "open"], new[] { rejected, open }.Select(n => Of(both, n).Single().GetProperty("status").GetString()));
        Assert.Single(Of(await Open311Data.Json(await client.GetAsync("/open311/v2/requests.json?status=open")), open));
        Assert.Empty(Of(await Open311Data.Json(await client.GetAsync("/open311/v2/requests.json?status=closed")), open));
        var updates = await client.GetAsync($"/open311/v2/servicerequestupdates.json?{Today}");
        var rejection = Of(await Open311Data.Json(updates), rejected).Last();
        Assert.Equal(("NOT_COUNCILS_RESPONSIBILITY", "不予受理"), (rejection.GetProperty("status").GetString(), rejection.GetProperty("description").GetString()));

        // A call the community took by phone was told to an official, not published.
        var (lon, lat) = Open311Data.PointIn(district.GridsOf(district.CommunityA).Last());
        var phoned = await dispatcher.PostAsJsonAsync("/api/cases", new
        {
            itemCode = Open311Data.ItemCode, description = "来电反映邻居噪音扰民", longitude = lon, latitude = lat, source = "Phone",
            reporterName = "张三", reporterPhone = "13800001111",
        });
        Assert.Equal(HttpStatusCode.Created, phoned.StatusCode);
        var phonedNumber = (await phoned.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("case").GetProperty("number").GetString()!;
        await Open311Data.Error(await client.GetAsync($"/open311/v2/requests/{phonedNumber}.json"), 404);
        await Open311Data.Error(await client.GetAsync($"/open311/v2/tokens/{phonedNumber}.json"), 404);
        Assert.Empty(Of(await Open311Data.Json(await client.GetAsync($"/open311/v2/requests.json?service_request_id={phonedNumber}")), phonedNumber));
        Assert.DoesNotContain(phonedNumber, await (await client.GetAsync($"/open311/v2/servicerequestupdates.json?{Today}")).Content.ReadAsStringAsync());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_control_character_in_a_description_never_breaks_the_xml_feed(DatabaseProvider provider)
    {
        var (app, district, client) = await Arrange(provider);
        var tag = Guid.NewGuid().ToString("N");
        var form = Open311Data.Form(district.GridsOf(district.CommunityA).First(), $"井盖\u0001缺失\u000b{tag}");
        var number = (await Open311Data.Json(await Open311Data.Submit(client, form)))[0].GetProperty("service_request_id").GetString()!;
        var one = await Open311Data.Xml(await client.GetAsync($"/open311/v2/requests/{number}.xml"));
        Assert.Equal($"井盖缺失{tag}", one.Element("request")!.Element("description")!.Value);

        // As a version that did not clean its intake would have stored it: the feed leaves the character out.
        await using (var db = app.Db())
        {
            var stored = await db.Cases.SingleAsync(c => c.Number == number);
            stored.Description = $"井盖\u0001缺失{tag}";
            await db.SaveChangesAsync();
        }
        one = await Open311Data.Xml(await client.GetAsync($"/open311/v2/requests/{number}.xml"));
        Assert.Equal($"井盖缺失{tag}", one.Element("request")!.Element("description")!.Value);
        var all = await client.GetAsync("/open311/v2/requests.xml");
        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        Assert.Contains((await Open311Data.Xml(all)).Elements("request"), r => r.Element("service_request_id")!.Value == number);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_token_is_answered_at_once_with_the_request_id(DatabaseProvider provider)
    {
        var (app, district, client) = await Arrange(provider);
        var number = await FiledByWang(client, district);

        var answer = Assert.Single((await Open311Data.Json(await client.GetAsync($"/open311/v2/tokens/{number}.json"))).EnumerateArray());
        Assert.Equal((number, number), (answer.GetProperty("service_request_id").GetString(), answer.GetProperty("token").GetString()));
        var id = await CaseId(app, number);
        var xml = await Open311Data.Xml(await client.GetAsync($"/open311/v2/tokens/{id}.xml"));
        Assert.Equal("service_requests", xml.Name.LocalName);
        Assert.Equal(number, xml.Element("request")!.Element("service_request_id")!.Value);
        Assert.Equal(id.ToString(), xml.Element("request")!.Element("token")!.Value);

        Assert.Equal("诉求不存在。", await Open311Data.Error(await client.GetAsync("/open311/v2/tokens/999999-2026-999999.json"), 404));
        await Open311Data.Error(await client.GetAsync("/open311/v2/requests/999999-2026-999999.json"), 404);
    }
}
