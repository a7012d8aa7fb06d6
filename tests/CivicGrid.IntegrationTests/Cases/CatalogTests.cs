using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.IntegrationTests.Infrastructure;
using CivicGrid.Modules.Cases.Catalog;
using CivicGrid.Modules.Cases.Catalog.Data;
using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Persistence;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace CivicGrid.IntegrationTests.Cases;

/// <summary>
/// The catalog of matters over /api/catalog. The app starts with the shipped default catalog; tests that write add
/// categories of their own (90 and up), so the default stays as shipped for the test that reads it.
/// </summary>
public sealed class CatalogTests(Apps apps) : IClassFixture<Apps>
{
    public sealed record ItemDto(string Code, string CategoryCode, string Name, string LeadDuty, List<string> CooperatingDuties,
        bool OnTheSpotAllowed, string ResponseLimit, string HandlingLimit, string ResponseLimitText, string HandlingLimitText, bool Retired, int Version);
    public sealed record CategoryDto(string Code, string Name, int Order, bool Retired, List<ItemDto> Items);
    public sealed record CatalogDto(List<CategoryDto> Categories);
    public sealed record RowErrorDto(int Row, string Column, string? ItemCode, string Code, string Message);
    public sealed record ImportDto(int Created, int Updated, int Unchanged, int CategoriesCreated, int CategoriesRenamed);

    static object NewItem(string code, string name = "测试事项", string lead = "城管", string[]? cooperating = null, bool onTheSpot = false,
        string response = "2h", string handling = "3d") =>
        new { code, name, leadDuty = lead, cooperatingDuties = cooperating ?? ["社区"], onTheSpotAllowed = onTheSpot, responseLimit = response, handlingLimit = handling };

    static async Task<HttpClient> Admin(TestApp app) => await app.ClientFor(await A.Account(app, Roles.Admin));

    static async Task AddCategory(HttpClient admin, string code, string name)
    {
        var response = await admin.PostAsJsonAsync("/api/catalog/categories", new { code, name });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    static async Task<ItemDto> AddItem(HttpClient admin, object item)
    {
        var response = await admin.PostAsJsonAsync("/api/catalog/items", item);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ItemDto>(Http.Json))!;
    }

    static async Task<List<RowErrorDto>> Errors(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").Deserialize<List<RowErrorDto>>(Http.Json)!;

    static Task<HttpResponseMessage> Import(HttpClient client, byte[] file, string name = "catalog.xlsx") =>
        client.PostAsync("/api/catalog/import", new MultipartFormDataContent { { new ByteArrayContent(file), "file", name } });

    static byte[] Workbook(IEnumerable<IDictionary<string, object?>> rows)
    {
        var stream = new MemoryStream();
        stream.SaveAs(rows.ToList(), sheetName: "事项清单");
        return stream.ToArray();
    }

    static List<Dictionary<string, object?>> Rows(byte[] workbook) =>
        new MemoryStream(workbook).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>()
            .Select(r => new Dictionary<string, object?>(r)).ToList();

    static Dictionary<string, object?> SheetRow(string categoryCode, string categoryName, string code, string name, string lead,
        string cooperating = "", string onTheSpot = "否", string response = "2个工作小时", string handling = "3个工作日", string status = "启用") => new()
    {
        ["大类编码"] = categoryCode, ["大类名称"] = categoryName, ["事项编码"] = code, ["事项名称"] = name, ["主责单位类型"] = lead,
        ["配合单位类型"] = cooperating, ["可现场处置"] = onTheSpot, ["响应时限"] = response, ["办理时限"] = handling, ["状态"] = status,
    };

    [Theory, OnSqlite, OnPostgres]
    public async Task The_default_catalog_is_seeded_once_and_read_by_anyone_signed_in(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/catalog")).StatusCode);
        var resident = await app.ClientFor(await A.Account(app, Roles.Resident));

        var catalog = await resident.Get<CatalogDto>("/api/catalog");
        foreach (var shipped in DefaultCatalog.Load())
        {
            var category = Assert.Single(catalog.Categories, c => c.Code == shipped.Code);
            Assert.Equal(shipped.Name, category.Name);
            Assert.Equal(shipped.Items.Select(i => i.Code), category.Items.Select(i => i.Code));
            foreach (var (spec, item) in shipped.Items.Zip(category.Items))
            {
                Assert.Equal((spec.Name, spec.LeadDuty, spec.OnTheSpotAllowed), (item.Name, item.LeadDuty, item.OnTheSpotAllowed));
                Assert.Equal(spec.CooperatingDuties, item.CooperatingDuties);
                Assert.Equal((spec.ResponseLimit.ToString(), spec.HandlingLimit.ToString()), (item.ResponseLimit, item.HandlingLimit));
            }
        }
        var fence = await resident.Get<ItemDto>("/api/catalog/items/0401");
        Assert.Equal(("消防通道堵塞", "1h", "1个工作小时"), (fence.Name, fence.ResponseLimit, fence.ResponseLimitText));
        Assert.Equal(HttpStatusCode.NotFound, (await resident.GetAsync("/api/catalog/items/9999")).StatusCode);

        // A second start finds a catalog and leaves it alone.
        await using var db = app.Db();
        var before = await db.CatalogItems.CountAsync();
        await CatalogSeeder.SeedIfEmptyAsync(db, CancellationToken.None);
        Assert.Equal(before, await db.CatalogItems.CountAsync());
        Assert.Equal(DefaultCatalog.Load().Count, await db.CatalogCategories.CountAsync(c => string.Compare(c.Code, "90") < 0));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task An_admin_adds_and_edits_an_item_and_a_stale_version_is_409(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var admin = await Admin(app);
        await AddCategory(admin, "91", "测试大类一");
        var added = await AddItem(admin, NewItem("9101", cooperating: ["社区", "物业"], onTheSpot: true));
        Assert.Equal((0, "2h", "3d", true), (added.Version, added.ResponseLimit, added.HandlingLimit, added.OnTheSpotAllowed));

        var edit = new { name = "测试事项（改）", leadDuty = "物业", cooperatingDuties = new[] { "社区" }, onTheSpotAllowed = false,
            responseLimit = "1h", handlingLimit = "8h", version = 0 };
        var edited = await admin.PutAsJsonAsync("/api/catalog/items/9101", edit);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal(1, (await edited.Content.ReadFromJsonAsync<ItemDto>(Http.Json))!.Version);

        var stale = await admin.PutAsJsonAsync("/api/catalog/items/9101", edit with { name = "又一次修改" });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("concurrency.stale", await stale.ProblemCode());

        var stored = await admin.Get<ItemDto>("/api/catalog/items/9101");
        Assert.Equal(("测试事项（改）", "物业", "1h", "8h", false, 1), (stored.Name, stored.LeadDuty, stored.ResponseLimit, stored.HandlingLimit, stored.OnTheSpotAllowed, stored.Version));
        Assert.Equal(["社区"], stored.CooperatingDuties);

        var taken = await admin.PostAsJsonAsync("/api/catalog/items", NewItem("9101"));
        Assert.Equal((HttpStatusCode.Conflict, "catalog.code_taken"), (taken.StatusCode, await taken.ProblemCode()));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Only_catalog_admins_change_export_import_or_see_retired_items(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var staff = await app.ClientFor(await A.Account(app, Roles.StreetStaff));
        var item = await staff.Get<ItemDto>("/api/catalog/items/0101");
        Assert.NotEmpty((await staff.Get<CatalogDto>("/api/catalog")).Categories);

        var edit = new { name = "改名", leadDuty = "城管", cooperatingDuties = Array.Empty<string>(), onTheSpotAllowed = false,
            responseLimit = "4h", handlingLimit = "1d", version = item.Version };
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PutAsJsonAsync("/api/catalog/items/0101", edit)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsJsonAsync("/api/catalog/items", NewItem("0199"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsJsonAsync("/api/catalog/items/0101/retire", new { version = item.Version })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsJsonAsync("/api/catalog/categories", new { code = "98", name = "越权" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/catalog/export.xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Import(staff, Workbook([SheetRow("01", "市容环境", "0101", "改名", "城管")]))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/catalog?all=true")).StatusCode);

        var unchanged = await staff.Get<ItemDto>("/api/catalog/items/0101");
        Assert.Equal((item.Name, item.Version, false), (unchanged.Name, unchanged.Version, unchanged.Retired));
        await using var db = app.Db();
        Assert.False(await db.CatalogItems.AnyAsync(i => i.Code == "0199"));
        Assert.False(await db.CatalogCategories.AnyAsync(c => c.Code == "98"));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Invalid_items_are_refused_with_stable_codes(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var admin = await Admin(app);
        await AddCategory(admin, "92", "测试大类二");
        (object Body, string Code)[] cases =
        [
            (NewItem("9201", lead: "街办"), "catalog.duty_unknown"),
            (NewItem("9201", cooperating: ["社区", "物管"]), "catalog.duty_unknown"),
            (NewItem("9201", cooperating: ["城管"]), "catalog.duty_repeated"),
            (NewItem("9201", response: "2 weeks"), "catalog.limit_invalid"),
            (NewItem("9201", handling: "0d"), "catalog.limit_invalid"),
            (NewItem("9201", response: "2d", handling: "4h"), "catalog.limit_order"),
            (NewItem("9201", name: " "), "catalog.name_required"),
            (NewItem("920"), "catalog.code_invalid"),
            (NewItem("9200"), "catalog.code_invalid"),
            (NewItem("8901"), "catalog.category_missing"),
        ];
        foreach (var (body, code) in cases)
        {
            var response = await admin.PostAsJsonAsync("/api/catalog/items", body);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Equal(code, await response.ProblemCode());
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        }
        var unknown = await admin.PostAsJsonAsync("/api/catalog/items", NewItem("9201", lead: "街办"));
        var errors = (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("leadDuty", errors[0].GetProperty("field").GetString());

        var item = await AddItem(admin, NewItem("9201"));
        var edit = new { name = "测试", leadDuty = "城管", cooperatingDuties = new[] { "居委会" }, onTheSpotAllowed = false,
            responseLimit = "2h", handlingLimit = "3d", version = item.Version };
        var refused = await admin.PutAsJsonAsync("/api/catalog/items/9201", edit);
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "catalog.duty_unknown"), (refused.StatusCode, await refused.ProblemCode()));
        Assert.Equal(["社区"], (await admin.Get<ItemDto>("/api/catalog/items/9201")).CooperatingDuties);

        var category = await admin.PostAsJsonAsync("/api/catalog/categories", new { code = "9", name = "一位" });
        Assert.Equal("catalog.code_invalid", await category.ProblemCode());
        var twice = await admin.PostAsJsonAsync("/api/catalog/categories", new { code = "92", name = "重复" });
        Assert.Equal("catalog.code_taken", await twice.ProblemCode());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Export_then_import_changes_nothing_and_an_edited_sheet_upserts_by_code(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var admin = await Admin(app);
        await AddCategory(admin, "93", "测试大类三");
        await AddItem(admin, NewItem("9301", cooperating: ["社区", "物业", "公安"], onTheSpot: true, response: "1h", handling: "6h"));
        var retired = await AddItem(admin, NewItem("9302", name: "已停用的事项"));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync("/api/catalog/items/9302/retire", new { version = retired.Version })).StatusCode);
        var before = await admin.Get<CatalogDto>("/api/catalog?all=true");

        var export = await admin.GetAsync("/api/catalog/export.xlsx");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType?.MediaType);
        var file = await export.Content.ReadAsByteArrayAsync();
        var rows = Rows(file);
        Assert.Equal(["大类编码", "大类名称", "事项编码", "事项名称", "主责单位类型", "配合单位类型", "可现场处置", "响应时限", "办理时限", "状态"], rows[0].Keys);
        var row = Assert.Single(rows, r => (string?)r["事项编码"] == "9301");
        Assert.Equal(("93", "社区、物业、公安", "是", "1个工作小时", "6个工作小时", "启用"),
            ((string?)row["大类编码"], (string?)row["配合单位类型"], (string?)row["可现场处置"], (string?)row["响应时限"], (string?)row["办理时限"], (string?)row["状态"]));
        Assert.Equal("停用", Assert.Single(rows, r => (string?)r["事项编码"] == "9302")["状态"]);

        var same = await Import(admin, file);
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        var counts = (await same.Content.ReadFromJsonAsync<ImportDto>(Http.Json))!;
        Assert.Equal(new ImportDto(0, 0, rows.Count, 0, 0), counts);
        Assert.Equivalent(before, await admin.Get<CatalogDto>("/api/catalog?all=true"), strict: true);
        Assert.Equal(rows, Rows(await admin.GetByteArrayAsync("/api/catalog/export.xlsx")));

        // Edited in Excel: one item renamed and restored, a new category with a new item; everything else as exported.
        var edited = rows.Select(r => (string?)r["事项编码"] == "9302"
            ? new Dictionary<string, object?>(r) { ["事项名称"] = "重新启用的事项", ["状态"] = "启用" } : r).ToList();
        edited.Add(SheetRow("94", "测试大类四", "9401", "新增事项", "物业", "社区、消防", "是", "4h", "5d"));
        var upsert = await Import(admin, Workbook(edited));
        Assert.Equal(HttpStatusCode.OK, upsert.StatusCode);
        Assert.Equal(new ImportDto(1, 1, rows.Count - 1, 1, 0), (await upsert.Content.ReadFromJsonAsync<ImportDto>(Http.Json))!);
        var restored = await admin.Get<ItemDto>("/api/catalog/items/9302");
        Assert.Equal(("重新启用的事项", false, retired.Version + 2), (restored.Name, restored.Retired, restored.Version));
        var added = await admin.Get<ItemDto>("/api/catalog/items/9401");
        Assert.Equal(("物业", true, "4h", "5d"), (added.LeadDuty, added.OnTheSpotAllowed, added.ResponseLimit, added.HandlingLimit));
        Assert.Equal(["社区", "消防"], added.CooperatingDuties);
        Assert.Contains((await admin.Get<CatalogDto>("/api/catalog")).Categories, c => c is { Code: "94", Name: "测试大类四" });
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task An_import_with_a_bad_row_writes_nothing_and_names_row_column_and_code(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var admin = await Admin(app);
        var fence = await admin.Get<ItemDto>("/api/catalog/items/0401");
        byte[] file = Workbook(
        [
            SheetRow("95", "测试大类五", "9501", "好的一行", "城管"),
            SheetRow("95", "测试大类五", "9502", "坏的主责", "街办"),
            SheetRow("95", "测试大类五", "9503", "坏的时限", "城管", response: "两小时"),
            SheetRow("04", "安全隐患", "0401", "改了也不算", "消防", "物业、社区、公安"),
            SheetRow("95", "测试大类五", "9501", "重复编码", "城管", onTheSpot: "可以"),
        ]);

        var response = await Import(admin, file);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("catalog.import_invalid", await response.ProblemCode());
        var errors = await Errors(response);
        Assert.Equal(
            [(3, "主责单位类型", "9502", "catalog.duty_unknown"), (4, "响应时限", "9503", "catalog.limit_invalid"),
             (6, "可现场处置", "9501", "catalog.flag_invalid"), (6, "事项编码", "9501", "catalog.code_duplicate")],
            errors.Select(e => (e.Row, e.Column, e.ItemCode, e.Code)));
        Assert.All(errors, e => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", e.Message));

        await using var db = app.Db();
        Assert.False(await db.CatalogCategories.AnyAsync(c => c.Code == "95"));
        Assert.False(await db.CatalogItems.AnyAsync(i => i.Code.StartsWith("95")));
        var after = await admin.Get<ItemDto>("/api/catalog/items/0401");
        Assert.Equal((fence.Name, fence.Version), (after.Name, after.Version));

        var notExcel = await Import(admin, "大类编码,事项编码\n01,0101"u8.ToArray(), "catalog.csv");
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "catalog.file_invalid"), (notExcel.StatusCode, await notExcel.ProblemCode()));
        var noColumns = await Import(admin, Workbook([new Dictionary<string, object?> { ["事项编码"] = "9501", ["事项名称"] = "缺列" }]));
        Assert.Equal("catalog.columns_missing", await noColumns.ProblemCode());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_retired_item_leaves_the_catalog_and_intake_refuses_it(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var admin = await Admin(app);
        await AddCategory(admin, "96", "测试大类六");
        var item = await AddItem(admin, NewItem("9601", name: "将停用的事项"));
        var district = await A.District(app);
        var resident = await app.ClientFor(await A.Account(app, Roles.Resident));
        var point = district.Grids[0].Boundary!.Centroid;
        object Report() => new { itemCode = "9601", description = "楼下有问题", longitude = point.X, latitude = point.Y };

        Assert.Contains((await resident.Get<CatalogDto>("/api/catalog")).Categories.SelectMany(c => c.Items), i => i.Code == "9601");
        Assert.Equal(HttpStatusCode.Created, (await resident.PostAsJsonAsync("/api/cases", Report())).StatusCode);

        var stale = await admin.PostAsJsonAsync("/api/catalog/items/9601/retire", new { version = item.Version + 1 });
        Assert.Equal((HttpStatusCode.Conflict, "concurrency.stale"), (stale.StatusCode, await stale.ProblemCode()));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync("/api/catalog/items/9601/retire", new { version = item.Version })).StatusCode);

        var catalog = await resident.Get<CatalogDto>("/api/catalog");
        Assert.DoesNotContain(catalog.Categories.SelectMany(c => c.Items), i => i.Code == "9601");
        Assert.DoesNotContain(catalog.Categories, c => c.Code == "96"); // its only item is retired
        var all = await admin.Get<CatalogDto>("/api/catalog?all=true");
        Assert.True(Assert.Single(all.Categories.Single(c => c.Code == "96").Items).Retired);
        Assert.True((await resident.Get<ItemDto>("/api/catalog/items/9601")).Retired); // old cases still show it

        var refused = await resident.PostAsJsonAsync("/api/cases", Report());
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "case.unknown_item"), (refused.StatusCode, await refused.ProblemCode()));
        await using (var db = app.Db())
        {
            Assert.Equal(1, await db.Cases.CountAsync(c => c.ItemCode == "9601"));
            Assert.True(await db.CatalogItems.AnyAsync(i => i.Code == "9601")); // retired, never deleted
        }

        var again = await admin.PostAsJsonAsync("/api/catalog/items/9601/retire", new { version = item.Version + 1 });
        Assert.Equal("catalog.item_retired", await again.ProblemCode());
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync("/api/catalog/items/9601/restore", new { version = item.Version + 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await resident.PostAsJsonAsync("/api/cases", Report())).StatusCode);
    }
}
