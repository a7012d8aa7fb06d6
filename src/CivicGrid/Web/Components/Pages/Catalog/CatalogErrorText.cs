using System.Globalization;
using CivicGrid.Web.Resources;
using Microsoft.Extensions.Localization;

namespace CivicGrid.Web.Components.Pages.Catalog;

/// <summary>
/// A refusal in the page's language. The server's message is Chinese and often the more specific one (it names the
/// unknown duty, the missing columns), so Chinese pages show it; other languages get Ui.resx's text for the code.
/// </summary>
static class CatalogErrorText
{
    public static string Of(string? code, string? message, IStringLocalizer<Ui> l)
    {
        if (CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh" && !string.IsNullOrEmpty(message)) return message;
        var text = l[$"Error.{code}"];
        return text.ResourceNotFound ? message ?? code ?? "" : text.Value;
    }

    /// <summary>A time limit in the page's language: "4 working hours", "1 working day", "3个工作日".</summary>
    public static string Limit(CivicGrid.Modules.Cases.Catalog.TimeLimit limit, IStringLocalizer<Ui> l) =>
        l[limit.Amount == 1 ? $"Catalog.Limit.{limit.Unit}.One" : $"Catalog.Limit.{limit.Unit}", limit.Amount];
}
