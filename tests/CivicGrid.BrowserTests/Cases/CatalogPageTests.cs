using CivicGrid.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using MiniExcelLibs;
using static CivicGrid.BrowserTests.Infrastructure.ConsoleFixture;

namespace CivicGrid.BrowserTests.Cases;

[Collection(ConsoleCollection.Name)]
public sealed class CatalogPageTests(ConsoleFixture app)
{
    /// <summary>The admin edits an item in the dialog, then imports a sheet with a bad row and sees which row and column.</summary>
    [ChromiumFact]
    public async Task Admin_edits_an_item_and_sees_the_row_errors_of_a_refused_import()
    {
        var page = await app.SignInAsync("admin", "/catalog");
        await ConsoleFixture.WaitForCircuitAsync(page);
        await Field(page, "catalog-search").FillAsync("0111");
        var row = page.GetByTestId("catalog-category-01").Locator("tr", new() { HasText = "0111" });
        await Assertions.Expect(page.GetByTestId("catalog-category-02")).ToHaveCountAsync(0); // the search has applied
        await row.GetByTestId("catalog-edit").ClickAsync();
        await Field(page, "catalog-item-name").FillAsync("公厕管理（浏览器测试）");
        await page.GetByTestId("catalog-item-save").ClickAsync();
        await Assertions.Expect(row.GetByTestId("catalog-item-name-cell")).ToHaveTextAsync("公厕管理（浏览器测试）");
        var item = await Api.Json(page, "/api/catalog/items/0111");
        Assert.Equal(("公厕管理（浏览器测试）", 1), (item.GetProperty("name").GetString(), item.GetProperty("version").GetInt32()));

        await Field(page, "catalog-search").FillAsync("");
        await ConsoleFixture.ScreenshotAsync(page, "catalog");
        var sheet = new MemoryStream();
        sheet.SaveAs(new[]
        {
            new Dictionary<string, object?>
            {
                ["大类编码"] = "01", ["大类名称"] = "市容环境", ["事项编码"] = "0111", ["事项名称"] = "公厕管理", ["主责单位类型"] = "街办",
                ["配合单位类型"] = "", ["可现场处置"] = "否", ["响应时限"] = "4个工作小时", ["办理时限"] = "3个工作日", ["状态"] = "启用",
            },
        });
        await Assertions.Expect(page.GetByTestId("catalog-import")).ToBeEnabledAsync();
        await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "catalog.xlsx", MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = sheet.ToArray(),
        });
        var errors = page.GetByTestId("catalog-import-errors");
        await Assertions.Expect(errors.Locator("tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(errors).ToContainTextAsync("主责单位类型");
        await Assertions.Expect(errors).ToContainTextAsync("未知的责任单位类型“街办”");
        await ConsoleFixture.ScreenshotAsync(page, "catalog-import-refused");
        Assert.Equal("公厕管理（浏览器测试）", (await Api.Json(page, "/api/catalog/items/0111")).GetProperty("name").GetString());
        await page.Context.CloseAsync();
    }

    [ChromiumFact]
    public async Task A_grid_worker_reads_the_catalog_without_the_admin_tools()
    {
        var page = await app.SignInAsync("grid1", "/catalog");
        await ConsoleFixture.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("nav-catalog")).ToBeVisibleAsync();
        await page.GetByTestId("catalog-category-04").ClickAsync();
        await Assertions.Expect(page.GetByTestId("catalog-category-04")).ToContainTextAsync("消防通道堵塞");
        await ConsoleFixture.ScreenshotAsync(page, "catalog-items");
        Assert.Equal(0, await page.GetByTestId("catalog-edit").CountAsync());
        Assert.Equal(0, await page.GetByTestId("catalog-import").CountAsync());
        await page.Context.CloseAsync();
    }
}
