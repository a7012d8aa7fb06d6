using CivicGrid.Modules.People.Features;
using CivicGrid.Shared;
using CivicGrid.Web.Resources;
using Microsoft.Extensions.Localization;

namespace CivicGrid.Web.Components.Pages.People;

/// <summary>Why an upload was refused, in the page's language: Ui.resx holds a text per stable error code.</summary>
static class ImportErrorText
{
    public static string Of(Error error, IStringLocalizer<Ui> l)
    {
        var text = l[$"Error.{error.Code}", string.Join("、", ImportSheet.Required)];
        return text.ResourceNotFound ? error.Message : text.Value;
    }
}
