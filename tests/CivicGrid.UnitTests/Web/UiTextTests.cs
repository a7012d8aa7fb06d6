using System.Collections;
using System.Globalization;
using System.Resources;
using CivicGrid.Web.Components.Layout;
using CivicGrid.Web.Resources;

namespace CivicGrid.UnitTests.Web;

/// <summary>The console's words (Ui.resx, Ui.en.resx): both languages say the same things, and every module has its words.</summary>
public sealed class UiTextTests
{
    static readonly ResourceManager Texts = new(typeof(Ui).FullName!, typeof(Ui).Assembly);

    static HashSet<string> KeysOf(string culture) =>
        Texts.GetResourceSet(CultureInfo.GetCultureInfo(culture), createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>().Select(e => (string)e.Key).ToHashSet();

    [Fact]
    public void Chinese_and_english_have_the_same_keys()
    {
        var chinese = KeysOf("");
        var english = KeysOf("en");
        Assert.True(chinese.Count > 500, $"only {chinese.Count} Chinese texts found");
        Assert.Empty(chinese.Except(english).Order());
        Assert.Empty(english.Except(chinese).Order());
    }

    [Fact]
    public void Every_console_module_has_its_name_and_its_line_on_the_workbench()
    {
        var chinese = KeysOf("");
        Assert.Empty(ConsoleModules.All.SelectMany(m => new[] { m.Label, $"Home.About.{m.Id}" }).Where(k => !chinese.Contains(k)));
    }
}
