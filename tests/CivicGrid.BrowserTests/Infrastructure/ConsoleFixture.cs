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
    public string DatabasePath => _app!.DatabasePath;

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

    public static readonly ViewportSize Desktop = new() { Width = 1366, Height = 900 };
    /// <summary>A common phone's CSS width, for the mobile pages (/m/…).</summary>
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    /// <summary>A fresh browser context (own cookies, Chinese locale) and page, on a desktop screen unless told otherwise.</summary>
    public async Task<IPage> NewPageAsync(ViewportSize? viewport = null)
    {
        var context = await _browser!.NewContextAsync(new()
        {
            BaseURL = BaseUrl.ToString(), Locale = "zh-CN", ViewportSize = viewport ?? Desktop, IsMobile = viewport == Phone,
        });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    /// <summary>Waits until the page's Blazor circuit is live: before that, prerendered buttons do nothing.</summary>
    public static Task WaitForCircuitAsync(IPage page) =>
        page.GetByTestId("circuit-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    /// <summary>
    /// The text box a console field is typed into, by the field's test id: MudBlazor puts the id on the input itself or
    /// on a wrapper around it, and a multi-line field is a textarea.
    /// </summary>
    public static ILocator Field(IPage page, string testId) =>
        page.Locator($":is(input,textarea)[data-testid={testId}], [data-testid={testId}] :is(input,textarea)").First;

    /// <summary>Signs in through the Chinese login page, as a person would.</summary>
    public async Task<IPage> SignInAsync(string userName, string returnUrl = "/", ViewportSize? viewport = null, string password = Password)
    {
        var page = await NewPageAsync(viewport);
        await page.GotoAsync($"/login?returnUrl={Uri.EscapeDataString(returnUrl)}");
        await SubmitLoginAsync(page, userName, password);
        return page;
    }

    /// <summary>Fills and sends the login form the page is on, and waits until it has left it.</summary>
    public static async Task SubmitLoginAsync(IPage page, string userName, string password = Password)
    {
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/login"));
    }

    /// <summary>A full-page screenshot in the test output's screenshots/ folder, to look at when a page changes.</summary>
    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", name + ".png"), FullPage = true });

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
