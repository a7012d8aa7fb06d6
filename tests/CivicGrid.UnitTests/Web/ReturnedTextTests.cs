using System.Globalization;
using CivicGrid.Web.Components.Shared;
using CivicGrid.Web.Resources;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CivicGrid.UnitTests.Web;

/// <summary>What a phone page shows for the ?error= and ?done= its address carries: the text for a known code, never the value itself.</summary>
public sealed class ReturnedTextTests
{
    static readonly IStringLocalizer<Ui> L =
        new StringLocalizer<Ui>(new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    [Theory]
    [InlineData("zh-CN", "案件不存在。")]
    [InlineData("en", "The case does not exist or is outside your scope.")]
    public void A_known_error_code_gets_its_text(string culture, string expected)
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        Assert.Equal(expected, L.Refusal("case.not_found"));
    }

    [Theory]
    [InlineData("zh-CN", "操作未成功，请重试。")]
    [InlineData("en", "That did not go through; please try again.")]
    public void A_made_up_error_code_gets_the_generic_refusal(string culture, string expected)
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        Assert.Equal(expected, L.Refusal("foo"));
        Assert.Equal(expected, L.Refusal("<b>call 110</b>"));
    }

    [Fact]
    public void A_known_confirmation_gets_its_text_and_a_made_up_one_none()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        Assert.Equal("报名成功。", L.Confirmation("Vol.Done.signup"));
        Assert.Null(L.Confirmation("Vol.Done.foo"));
    }
}
