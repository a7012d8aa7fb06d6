using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using CivicGrid.Web.Resources;

namespace CivicGrid.Web.Components.Pages.CoBuilding;

/// <summary>
/// The console calls the same handlers as the REST routes (one path for checks and scope) and reads their results:
/// a value, or the problem's code in the user's language.
/// </summary>
static class Call
{
    public static (T? Value, string? Error) Read<T>(IResult result, IStringLocalizer<Ui> l)
    {
        var r = result is INestedHttpResult nested ? nested.Result : result;
        return r switch
        {
            ProblemHttpResult p => (default, Text(p, l)), // a problem is a value result too: first
            IValueHttpResult<T> v => (v.Value, null),
            IValueHttpResult => (default, null),
            NotFound => (default, l["Common.NotFound"].Value),
            NoContent => (default, null),
            IStatusCodeHttpResult { StatusCode: 403 } => (default, l["CoBuilding.Forbidden"].Value),
            _ => (default, l["CoBuilding.Failed"].Value),
        };
    }

    public static string? Error(IResult result, IStringLocalizer<Ui> l) => Read<object>(result, l).Error;

    static string Text(ProblemHttpResult p, IStringLocalizer<Ui> l)
    {
        var code = p.ProblemDetails.Extensions.TryGetValue("code", out var c) ? c?.ToString() : null;
        if (code is null) return p.ProblemDetails.Detail ?? l["CoBuilding.Failed"].Value;
        var text = l[$"Error.{code}"];
        return text.ResourceNotFound ? p.ProblemDetails.Detail ?? code : text.Value;
    }

    /// <summary>A date picked in the console, as an instant at the given China-time hour.</summary>
    public static DateTimeOffset At(DateTime date, int hour = 9) =>
        new DateTimeOffset(date.Year, date.Month, date.Day, hour, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime();

    public static string China(DateTimeOffset t, string format = "yyyy-MM-dd HH:mm") => t.ToOffset(TimeSpan.FromHours(8)).ToString(format);
}
