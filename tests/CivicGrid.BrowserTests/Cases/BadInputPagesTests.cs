using CivicGrid.BrowserTests.Infrastructure;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static CivicGrid.BrowserTests.Cases.MobileCases;

namespace CivicGrid.BrowserTests.Cases;

/// <summary>
/// Photos the server refuses (not an image whatever its name says; over the 10 MB photo limit), chosen on the phone's
/// report form (/m/report) and on the console's intake page (/cases/new): the page says why in Chinese, keeps no
/// thumbnail or chip, and nothing is stored — no upload row, no case.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class BadInputPagesTests(ConsoleFixture app)
{
    const string TypeNotAllowed = "只支持 JPG、PNG、WebP、HEIC 格式的照片或 PDF 文件。";
    /// <summary>The app's default photo limit (Files:MaxPhotoBytes): the browser tests' app runs with the defaults.</summary>
    const int MaxPhotoBytes = 10 * 1024 * 1024;
    /// <summary>The file goes up (or through the circuit) and is checked first; on a busy machine that takes a while.</summary>
    static readonly LocatorAssertionsToHaveTextOptions Slow = new() { Timeout = 60_000 };

    [ChromiumFact]
    public async Task Phone_report_refuses_a_text_file_named_jpg_with_a_chinese_message_and_makes_nothing()
    {
        var name = $"不是照片{Guid.NewGuid():N}"[..12] + ".jpg";
        var page = await OpenPhoneReportAsync();
        var before = await CaseCountAsync(page);

        await page.GetByTestId("photo-album-before").SetInputFilesAsync(NotAnImage(name));

        await Assertions.Expect(page.GetByTestId("report-error")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("report-error")).ToHaveTextAsync(TypeNotAllowed, Slow);
        await Assertions.Expect(page.Locator("[data-photos=before] figure")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("report-done")).ToBeHiddenAsync();
        Assert.Equal(0, await UploadsNamedAsync(name));
        Assert.Equal(before, await CaseCountAsync(page));
        await page.Context.CloseAsync();
    }

    [ChromiumFact]
    public async Task Phone_report_refuses_a_photo_over_10_MB_with_a_chinese_message_and_makes_nothing()
    {
        var name = $"大照片{Guid.NewGuid():N}"[..12] + ".jpg";
        var page = await OpenPhoneReportAsync();
        var before = await CaseCountAsync(page);

        // Not decodable, so the page cannot shrink it before sending (mphotos.js): it goes up as it is and is refused.
        await page.GetByTestId("photo-album-before").SetInputFilesAsync(TooLargeJpeg(name));

        await Assertions.Expect(page.GetByTestId("report-error")).ToHaveTextAsync("照片过大：每张不超过10MB。", Slow);
        await Assertions.Expect(page.Locator("[data-photos=before] figure")).ToHaveCountAsync(0);
        Assert.Equal(0, await UploadsNamedAsync(name));
        Assert.Equal(before, await CaseCountAsync(page));
        await page.Context.CloseAsync();
    }

    [ChromiumFact]
    public async Task Console_intake_refuses_a_text_file_named_jpg_with_a_chinese_message_and_makes_nothing()
    {
        var name = $"说明{Guid.NewGuid():N}"[..12] + ".jpg";
        var page = await OpenIntakeAsync();

        await page.GetByTestId("intake-photos").Locator("input[type=file]").SetInputFilesAsync(NotAnImage(name));

        await Assertions.Expect(page.GetByTestId("photo-error")).ToHaveTextAsync($"{name}：{TypeNotAllowed}", Slow);
        await Assertions.Expect(page.GetByTestId("photo-chip")).ToHaveCountAsync(0);
        Assert.EndsWith("/cases/new", page.Url);
        Assert.Equal(0, await UploadsNamedAsync(name));
        await page.Context.CloseAsync();
    }

    [ChromiumFact]
    public async Task Console_intake_refuses_a_photo_over_10_MB_with_a_chinese_message_and_makes_nothing()
    {
        var name = $"大照片{Guid.NewGuid():N}"[..12] + ".jpg";
        var page = await OpenIntakeAsync();

        await page.GetByTestId("intake-photos").Locator("input[type=file]").SetInputFilesAsync(TooLargeJpeg(name));

        await Assertions.Expect(page.GetByTestId("photo-error")).ToHaveTextAsync($"{name}：文件过大：照片不超过10MB。", Slow);
        await Assertions.Expect(page.GetByTestId("photo-chip")).ToHaveCountAsync(0);
        Assert.EndsWith("/cases/new", page.Url);
        Assert.Equal(0, await UploadsNamedAsync(name));
        await page.Context.CloseAsync();
    }

    async Task<IPage> OpenPhoneReportAsync()
    {
        var page = await app.SignInAsync("resident1", "/m/report", ConsoleFixture.Phone);
        await FormReadyAsync(page);
        return page;
    }

    async Task<IPage> OpenIntakeAsync()
    {
        var page = await app.SignInAsync("community1", "/cases/new");
        await ConsoleFixture.WaitForCircuitAsync(page);
        // The picker is enabled once its file input is wired to the circuit (UploadButton); a file chosen before is lost.
        await Assertions.Expect(page.GetByTestId("intake-photos").GetByTestId("photo-add")).ToBeEnabledAsync();
        return page;
    }

    /// <summary>Plain text with a photo's name and type: the server goes by the bytes.</summary>
    static FilePayload NotAnImage(string name) => new()
    {
        Name = name, MimeType = "image/jpeg", Buffer = "这是一段文字，不是照片。"u8.ToArray(),
    };

    /// <summary>One byte over the limit, starting as a JPEG does (the kind, and so the limit, come from the first bytes).</summary>
    static FilePayload TooLargeJpeg(string name)
    {
        var bytes = new byte[MaxPhotoBytes + 1];
        byte[] jpegStart = [0xFF, 0xD8, 0xFF, 0xE0];
        jpegStart.CopyTo(bytes, 0);
        return new() { Name = name, MimeType = "image/jpeg", Buffer = bytes };
    }

    /// <summary>How many cases the signed-in person sees.</summary>
    static async Task<int> CaseCountAsync(IPage page) =>
        (await Api.Json(page, "/api/cases?pageSize=1")).GetProperty("total").GetInt32();

    /// <summary>Upload rows by file name, read from the app's database: a refused file leaves none.</summary>
    async Task<int> UploadsNamedAsync(string name)
    {
        var options = new DbContextOptionsBuilder<SqliteCivicGridDbContext>();
        DatabaseSetup.Configure(options, DatabaseProvider.Sqlite, $"Data Source={app.DatabasePath}");
        await using var db = new SqliteCivicGridDbContext(options.Options).WithScope(DataScope.Unrestricted);
        return await db.Uploads.CountAsync(u => u.FileName == name);
    }
}
