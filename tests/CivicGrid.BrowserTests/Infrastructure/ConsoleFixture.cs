using Microsoft.Playwright;

namespace CivicGrid.BrowserTests.Infrastructure;

/// <summary>One app and one headless Chromium shared by every browser test (seeding takes ~20 s); each test opens its own context.</summary>
public sealed class ConsoleFixture : IAsyncLifetime
{
    public const string Password = "Demo@2026";

    static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-quic", "--no-first-run",
    ];

    AppServer? _app;
    IPlaywright? _playwright;
    IBrowser? _browser;

    public Uri BaseUrl => _app!.BaseUrl;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumFactAttribute.ChromiumPath)) return; // every test is skipped
        _app = await AppServer.StartAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumFactAttribute.ChromiumPath, Headless = true, Args = ChromiumArgs,
        });
    }

    /// <summary>A fresh browser context (own cookies, Chinese locale) and page.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await _browser!.NewContextAsync(new() { BaseURL = BaseUrl.ToString(), Locale = "zh-CN", ViewportSize = new() { Width = 1366, Height = 900 } });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the Chinese login page, as a person would.</summary>
    public async Task<IPage> SignInAsync(string userName, string returnUrl = "/")
    {
        var page = await NewPageAsync();
        await page.GotoAsync($"/login?returnUrl={Uri.EscapeDataString(returnUrl)}");
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/login"));
        return page;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_app is not null) await _app.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ConsoleCollection : ICollectionFixture<ConsoleFixture>
{
    public const string Name = "Console";
}
