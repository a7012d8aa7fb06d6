using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Shared;

/// <summary>Maps what escapes a handler to problem+json once: a stale write is a 409, a bad body a 400, anything else a 500 without details.</summary>
sealed class ProblemHandling(IProblemDetailsService problems, ILogger<ProblemHandling> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext ctx, Exception exception, CancellationToken ct)
    {
        var (status, code, message) = exception switch
        {
            DbUpdateConcurrencyException => (409, Error.StaleWrite.Code, Error.StaleWrite.Message),
            // A deadline in a year whose working calendar the admin has not loaded: say so instead of guessing weekdays.
            Modules.Calendar.Domain.CalendarYearNotLoadedException e =>
                (422, "calendar.year_not_loaded", $"{e.Year}年的工作日历尚未导入，无法计算办理时限。请联系系统管理员导入。"),
            BadHttpRequestException bad => (bad.StatusCode, ProblemCodes.Malformed.Code, ProblemCodes.Malformed.Message),
            _ => (500, "server.error", "服务器内部错误，请稍后重试。"),
        };
        // The one place an unexpected failure is written down: the framework leaves a handled exception unlogged. The
        // route template, not the path, so no query text or id in the log says whom it was about.
        if (status == 500)
            log.LogError(exception, "Unhandled {Method} {Route} ({TraceId})", ctx.Request.Method,
                (ctx.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(no route)", ctx.TraceIdentifier);
        ctx.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = ctx,
            ProblemDetails = { Status = status, Title = code, Detail = message, Extensions = { ["code"] = code } },
        });
    }
}

/// <summary>
/// Gives every problem+json answer a stable <c>code</c> and a Chinese message. Handlers that refuse with an
/// <see cref="Error"/> set their own; a bare status — a 404 for what is missing or outside the caller's scope, a 403 from
/// a permission policy, a 401 without a sign-in — gets the one its status names, so clients never parse titles.
/// </summary>
public static class ProblemCodes
{
    public static readonly Error NotFound = Error.NotFound("not_found", "未找到：不存在，或不在您的管辖范围内。");
    public static readonly Error Forbidden = new("access.forbidden", "您没有执行此操作的权限。", StatusCodes.Status403Forbidden);
    public static readonly Error SignInRequired = new("auth.required", "请先登录。", StatusCodes.Status401Unauthorized);
    /// <summary>A body or parameter the framework could not read (not JSON, a date that is none, an unknown name).</summary>
    public static readonly Error Malformed = new("request.malformed", "请求格式不正确：请检查参数与请求体。", StatusCodes.Status400BadRequest);

    public static void Complete(ProblemDetailsContext ctx)
    {
        var problem = ctx.ProblemDetails;
        if (problem.Extensions.ContainsKey("code")) return;
        var known = problem.Status switch
        {
            StatusCodes.Status404NotFound => NotFound,
            StatusCodes.Status403Forbidden => Forbidden,
            StatusCodes.Status401Unauthorized => SignInRequired,
            StatusCodes.Status400BadRequest => Malformed,
            _ => null,
        };
        problem.Extensions["code"] = known?.Code ?? $"http.{problem.Status}";
        if (known is not null) (problem.Title, problem.Detail) = (known.Code, problem.Detail ?? known.Message);
    }
}
