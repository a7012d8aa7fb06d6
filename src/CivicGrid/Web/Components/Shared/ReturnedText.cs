using CivicGrid.Web.Resources;
using Microsoft.Extensions.Localization;

namespace CivicGrid.Web.Components.Shared;

/// <summary>
/// The words for what a phone form's redirect carries back (<c>?error=case.not_found</c>, <c>?done=claimed</c>). The
/// value is whatever the address says, so one without a text gets the generic refusal, or no confirmation: never the
/// value itself, nor the resource key.
/// </summary>
public static class ReturnedText
{
    public static string Refusal(this IStringLocalizer<Ui> l, string code) => l.Find($"Error.{code}") ?? l["Error.failed"];

    // A confirmation says what was done; for a value we have no words for, saying "done" would claim what we do not know.
    public static string? Confirmation(this IStringLocalizer<Ui> l, string key) => l.Find(key);

    static string? Find(this IStringLocalizer<Ui> l, string key) => l[key] is { ResourceNotFound: false } text ? text.Value : null;
}
