using CivicGrid.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace CivicGrid.BrowserTests.Points;

/// <summary>A resident spends points on the phone; the merchant redeems the code at its counter page; the resident sees it.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class RedeemAtMerchantTests(ConsoleFixture app)
{
    [ChromiumFact]
    public async Task Resident_redeems_on_the_phone_and_the_merchant_redeems_the_code_once()
    {
        var phone = await app.SignInAsync("resident1", "/m", ConsoleFixture.Phone);
        await phone.GetByTestId("points-link").ClickAsync();
        var before = int.Parse(await phone.GetByTestId("points-balance").InnerTextAsync());
        var item = phone.Locator("[data-testid=points-item][data-name='抽纸一提']");
        await item.GetByTestId("points-redeem").ClickAsync();

        await Assertions.Expect(phone.GetByTestId("points-redeemed")).ToBeVisibleAsync();
        Assert.Equal(before - 20, int.Parse(await phone.GetByTestId("points-balance").InnerTextAsync()));
        var issued = phone.Locator("[data-testid=points-code][data-status=Issued]");
        await Assertions.Expect(issued).ToHaveCountAsync(1);
        var code = (await issued.GetByTestId("points-code-text").InnerTextAsync()).Trim();
        await ConsoleFixture.ScreenshotAsync(phone, "mobile-points");
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));

        var counter = await app.SignInAsync("merchant1", "/points/merchant");
        Assert.Equal("/points/merchant", new Uri(counter.Url).AbsolutePath);
        await ConsoleFixture.WaitForCircuitAsync(counter);
        await CodeField(counter).FillAsync(code);
        await counter.GetByTestId("merchant-redeem").ClickAsync();
        await Assertions.Expect(counter.GetByTestId("merchant-done")).ToContainTextAsync("抽纸一提");
        await Assertions.Expect(counter.GetByTestId("merchant-status").First).ToHaveTextAsync("已核销");
        // The same code a second time is refused, in words.
        await CodeField(counter).FillAsync(code);
        await counter.GetByTestId("merchant-redeem").ClickAsync();
        await Assertions.Expect(counter.GetByTestId("merchant-error")).ToContainTextAsync("已核销");
        await ConsoleFixture.ScreenshotAsync(counter, "merchant-redeem");

        await phone.ReloadAsync();
        await Assertions.Expect(phone.Locator("[data-testid=points-code][data-status=Redeemed]")).ToHaveCountAsync(1);
        await Assertions.Expect(phone.Locator("[data-testid=points-code][data-status=Issued]")).ToHaveCountAsync(0);
        Assert.Equal(before - 20, int.Parse(await phone.GetByTestId("points-balance").InnerTextAsync()));
    }

    static ILocator CodeField(IPage page) => page.Locator("input[data-testid=merchant-code], [data-testid=merchant-code] input").First;
}
