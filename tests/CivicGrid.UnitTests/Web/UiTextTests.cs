using System.Collections;
using System.Globalization;
using System.Resources;
using CivicGrid.Modules.Cases.Domain;
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
        Assert.DoesNotContain(ConsoleModules.All.SelectMany(m => new[] { m.Label, $"Home.About.{m.Id}" }), k => !chinese.Contains(k));
    }

    [Fact]
    public void Every_note_the_platform_writes_in_a_history_says_in_chinese_on_the_page_what_it_stores_and_has_its_english()
    {
        var zh = CultureInfo.GetCultureInfo("zh-CN");
        var en = CultureInfo.GetCultureInfo("en");
        string[] arguments = ["370303-2026-000123", "幸福路1号"];
        foreach (var note in Enum.GetValues<CaseNote>())
        {
            var given = arguments[..CaseNotes.ArgumentsOf(note)];
            var chinese = Texts.GetString($"CaseNote.{note}", zh)!;
            Assert.Equal(CaseNotes.ToChinese(note, given), string.Format(chinese, given));
            var english = string.Format(Texts.GetString($"CaseNote.{note}", en)!, given);
            Assert.Equal(given.Length, given.Count(english.Contains)); // every argument is said
            Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", english.Replace(given.ElementAtOrDefault(1) ?? "-", ""));
        }
    }

    [Fact]
    public void Every_case_notice_says_in_chinese_on_the_page_what_it_stores_and_has_its_english()
    {
        var zh = CultureInfo.GetCultureInfo("zh-CN");
        var en = CultureInfo.GetCultureInfo("en");
        foreach (var message in Enum.GetValues<NoticeMessage>())
        {
            var chinese = Texts.GetString($"CaseNotice.{message}", zh);
            Assert.Equal(CaseNotices.ToChinese(message, "某单位"), string.Format(chinese!, "某单位"));
            var english = Texts.GetString($"CaseNotice.{message}", en);
            Assert.NotEqual(chinese, english);
            Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", english!);
        }
    }
}
