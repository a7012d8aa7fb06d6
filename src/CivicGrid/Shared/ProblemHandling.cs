using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Shared;

/// <summary>Maps what escapes a handler to problem+json once: a stale write is a 409, a bad body a 400, anything else a 500 without details.</summary>
sealed class ProblemHandling(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext ctx, Exception exception, CancellationToken ct)
    {
        var (status, code, message) = exception switch
        {
            DbUpdateConcurrencyException => (409, Error.StaleWrite.Code, Error.StaleWrite.Message),
            // A deadline in a year whose working calendar the admin has not loaded: say so instead of guessing weekdays.
            Modules.Calendar.Domain.CalendarYearNotLoadedException e =>
                (422, "calendar.year_not_loaded", $"{e.Year}年的工作日历尚未导入，无法计算办理时限。请联系系统管理员导入。"),
            BadHttpRequestException bad => (bad.StatusCode, "request.malformed", "请求格式不正确。"),
            _ => (500, "server.error", "服务器内部错误，请稍后重试。"),
        };
        ctx.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = ctx,
            ProblemDetails = { Status = status, Title = code, Detail = message, Extensions = { ["code"] = code } },
        });
    }
}
