using System.Globalization;
using CivicGrid.Shared.Files;
using CivicGrid.Web.Resources;
using Microsoft.Extensions.Localization;

namespace CivicGrid.Web.Components.Pages.Mobile;

/// <summary>
/// A photo's refusal in the page's language, naming the configured limit. The phone's plain forms get only the code
/// back (<c>?error=file.too_large</c>), not the server's message, which names it too.
/// </summary>
static class PhotoErrorText
{
    public static string? Of(string? code, IStringLocalizer<Ui> l, UploadLimits limits) => code switch
    {
        "file.too_large" => l["Report.TooLarge", (limits.MaxPhotoBytes / (1024d * 1024d)).ToString("0.#", CultureInfo.InvariantCulture)].Value,
        "file.too_many" => l["Report.TooMany", limits.MaxFilesPerTransition].Value,
        _ => null,
    };
}
