using CivicGrid.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using MiniExcelLibs;

namespace CivicGrid.BrowserTests.People;

[Collection(ConsoleCollection.Name)]
public sealed class ResidentImportTests(ConsoleFixture app)
{
    [ChromiumFact]
    public async Task Community_worker_imports_a_filled_template_and_finds_the_new_resident()
    {
        var page = await app.SignInAsync("community1", "/residents");
        // A link followed while the page is still starting its circuit can be lost (seen after other tests warmed the app).
        await ConsoleFixture.WaitForCircuitAsync(page);
        await page.GetByTestId("resident-import").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/residents/import");
        var grid = await GridOf(page, await Api.CommunityOf(page));

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("import-template").ClickAsync());
        var template = await download.PathAsync();
        var idCard = IdCards.New();
        var name = "导入测试" + idCard[^4..];
        var upload = Path.Combine(Path.GetTempPath(), $"import-{Guid.NewGuid():N}.xlsx");
        Fill(template, upload, Row(grid, name, idCard), Row(grid, "错号测试", idCard[..17] + (idCard[17] == '0' ? '1' : '0')));

        await Assertions.Expect(page.GetByTestId("import-upload")).ToBeEnabledAsync();
        await page.Locator("input[type=file]").SetInputFilesAsync(upload);
        var job = page.GetByTestId("import-job");
        await Assertions.Expect(job).ToHaveAttributeAsync("data-status", "Succeeded", new() { Timeout = 60_000 });
        await Assertions.Expect(page.GetByTestId("import-processed")).ToContainTextAsync("已处理 2 / 2 行");
        await Assertions.Expect(page.GetByTestId("import-accepted").GetByTestId("stat-value")).ToHaveTextAsync("1");
        await Assertions.Expect(page.GetByTestId("import-rejected").GetByTestId("stat-value")).ToHaveTextAsync("1");
        Assert.Equal("100", await page.GetByTestId("import-progress").GetAttributeAsync("aria-valuenow"));
        await ConsoleFixture.ScreenshotAsync(page, "resident-import");

        var errors = await page.Context.APIRequest.GetAsync((await page.GetByTestId("import-errors-link").GetAttributeAsync("href"))!);
        var rejected = new MemoryStream(await errors.BodyAsync()).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal("错号测试", Assert.Single(rejected)["姓名"]);
        Assert.False(string.IsNullOrWhiteSpace(rejected[0]["错误原因"]?.ToString()));

        await page.GotoAsync("/residents");
        await Assertions.Expect(page.GetByTestId("id-masked").First).ToBeVisibleAsync(); // the table is live
        await page.GetByTestId("resident-search").FillAsync(idCard);
        await page.GetByTestId("resident-search-button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("resident-table").Locator("tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("resident-table")).ToContainTextAsync(name);
        await ConsoleFixture.ScreenshotAsync(page, "residents-found");
        File.Delete(upload);
    }

    [ChromiumFact]
    public async Task A_file_that_is_not_a_workbook_is_refused_with_the_reason()
    {
        var page = await app.SignInAsync("community1", "/residents/import");
        await Assertions.Expect(page.GetByTestId("import-upload")).ToBeEnabledAsync();
        await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "residents.xlsx", MimeType = "application/octet-stream", Buffer = "姓名,身份证号\n"u8.ToArray(),
        });
        await Assertions.Expect(page.GetByTestId("import-error")).ToContainTextAsync("请上传 .xlsx 格式的 Excel 文件");
        Assert.Equal(0, await page.GetByTestId("import-job").CountAsync());
    }

    static async Task<string> GridOf(IPage page, string community)
    {
        var children = await Api.Json(page, $"/api/areas/tree?parent={community}");
        return children.EnumerateArray().First(n => n.GetProperty("level").GetString() == "Grid").GetProperty("code").GetString()!;
    }

    static Dictionary<string, object?> Row(string grid, string name, string idCard) => new()
    {
        ["网格代码"] = grid, ["楼栋"] = "导入测试楼", ["单元"] = "1单元", ["房号"] = "101", ["姓名"] = name,
        ["身份证号"] = idCard, ["居住类型"] = "常住",
    };

    // The template's own header row, so a renamed or missing column in the template fails here.
    static void Fill(string template, string target, params Dictionary<string, object?>[] rows)
    {
        var columns = MiniExcel.GetColumns(template, useHeaderRow: true, sheetName: "居民").Select(c => c.ToString()!).ToList();
        foreach (var row in rows) Assert.All(row.Keys, key => Assert.Contains(columns, c => c.StartsWith(key)));
        var filled = rows.Select(row => columns.ToDictionary(c => c, c => row.FirstOrDefault(kv => c.StartsWith(kv.Key)).Value));
        MiniExcel.SaveAs(target, filled.ToList(), sheetName: "居民");
    }
}
