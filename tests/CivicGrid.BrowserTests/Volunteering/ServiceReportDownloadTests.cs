using System.Text;
using CivicGrid.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace CivicGrid.BrowserTests.Volunteering;

/// <summary>Community staff download a member's yearly service report as PDF from the registrations tab of the console.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ServiceReportDownloadTests(ConsoleFixture app)
{
    [ChromiumFact]
    public async Task Staff_download_a_members_yearly_report_as_a_PDF_beside_the_Excel()
    {
        var console = await app.SignInAsync("community1", "/volunteering");
        await ConsoleFixture.WaitForCircuitAsync(console);
        await console.GetByRole(AriaRole.Tab, new() { Name = "双报到" }).ClickAsync();
        var row = console.GetByTestId("registration-row").Filter(new() { Has = console.GetByTestId("member-report-pdf") }).First;
        await Assertions.Expect(row.GetByText("年度服务报告（Excel）")).ToBeVisibleAsync();

        var download = await console.RunAndWaitForDownloadAsync(() => row.GetByTestId("member-report-pdf").ClickAsync());

        Assert.EndsWith("年度志愿服务报告.pdf", download.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal("%PDF-", Encoding.ASCII.GetString(bytes, 0, 5));

        // Last year's report, as an employer asks for it in January: the buttons follow the chosen year.
        var lastYear = (DateTime.UtcNow.AddHours(8).Year - 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await console.GetByTestId("report-year").ClickAsync();
        await console.GetByRole(AriaRole.Option, new() { Name = lastYear, Exact = true }).ClickAsync();
        await Assertions.Expect(row.GetByTestId("member-report-pdf")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex($"/pdf\\?year={lastYear}$"));
        var earlier = await console.RunAndWaitForDownloadAsync(() => row.GetByTestId("member-report-pdf").ClickAsync());
        Assert.EndsWith($"{lastYear}年度志愿服务报告.pdf", earlier.SuggestedFilename);
    }
}
