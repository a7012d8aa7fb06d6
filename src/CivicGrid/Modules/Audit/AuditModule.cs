using System.Diagnostics;
using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.Audit;

/// <summary>
/// Writes the operation log for every API call that changes something or reads personal data in bulk (writes, reveals,
/// exports). It records the route template and id-like route values, never bodies or query strings; entries are stored
/// in batches by <see cref="OperationLogWriter"/>.
/// </summary>
public static class AuditModule
{
    public static IHostApplicationBuilder AddAudit(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<OperationLogWriter>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OperationLogWriter>());
        return builder;
    }

    public static WebApplication UseOperationLog(this WebApplication app)
    {
        app.Use(async (ctx, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            try { await next(); }
            finally
            {
                if (ShouldLog(ctx)) await Write(ctx, Stopwatch.GetElapsedTime(started));
            }
        });
        return app;
    }

    static bool ShouldLog(HttpContext ctx) =>
        (ctx.Request.Path.StartsWithSegments("/api")
            && !ctx.Request.Path.StartsWithSegments("/api/auth/token") // a failed sign-in is Identity's lockout business, not a log row per guess
            && (!HttpMethods.IsGet(ctx.Request.Method) || ctx.Request.Path.Value!.EndsWith(".xlsx", StringComparison.Ordinal)))
        // Open311 filings, under the channel account the api_key signed in for the request; its public reads are not logged.
        || (ctx.Request.Path.StartsWithSegments("/open311") && !HttpMethods.IsGet(ctx.Request.Method));

    static async Task Write(HttpContext ctx, TimeSpan elapsed)
    {
        var endpoint = ctx.GetEndpoint() as RouteEndpoint;
        var user = ctx.RequestServices.GetRequiredService<CurrentUser>();
        var ids = string.Join(";", ctx.Request.RouteValues.Where(kv => kv.Key is "id" or "code").Select(kv => $"{kv.Key}={kv.Value}"));
        await ctx.RequestServices.GetRequiredService<OperationLogWriter>().AddAsync(new OperationLogEntry
        {
            At = ctx.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow(),
            AccountId = user.Id, AccountName = user.UserName, Method = ctx.Request.Method,
            Endpoint = endpoint?.RoutePattern.RawText ?? "(no endpoint)", Ids = ids, Status = ctx.Response.StatusCode,
            DurationMs = (int)elapsed.TotalMilliseconds,
        });
    }

    public sealed record Row(long Id, DateTimeOffset At, string AccountName, string Method, string Endpoint, string Ids, int Status, int DurationMs);

    public static WebApplication MapAudit(this WebApplication app)
    {
        app.MapGet("/api/operation-log", OperationLogPage).WithTags("Audit").RequireAuthorization(Permissions.OperationLog.View);

        app.MapGet("/api/personal-data-access", async (Guid? residentId, int? page, int? pageSize, CivicGridDbContext db, CancellationToken ct) =>
        {
            var rows = db.PersonalDataAccesses.AsNoTracking();
            if (residentId is { } r) rows = rows.Where(x => x.ResidentId == r);
            var paging = Paging.Of(page, pageSize);
            var total = await rows.CountAsync(ct);
            var items = await rows.OrderByDescending(x => x.Id).Skip(paging.Skip).Take(paging.Size).ToListAsync(ct);
            return new Paged<People.Domain.PersonalDataAccess>(total, paging.Page, paging.Size, items);
        }).WithTags("Audit").RequireAuthorization(Permissions.OperationLog.View);
        return app;
    }

    internal static async Task<Paged<Row>> OperationLogPage(string? account, int? page, int? pageSize, CivicGridDbContext db,
        OperationLogWriter writer, CancellationToken ct)
    {
        await writer.FlushAsync(ct);
        var rows = db.OperationLog.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(account)) rows = rows.Where(r => r.AccountName == account);
        var paging = Paging.Of(page, pageSize);
        var total = await rows.CountAsync(ct);
        var items = await rows.OrderByDescending(r => r.Id).Skip(paging.Skip).Take(paging.Size)
            .Select(r => new Row(r.Id, r.At, r.AccountName, r.Method, r.Endpoint, r.Ids, r.Status, r.DurationMs)).ToListAsync(ct);
        return new Paged<Row>(total, paging.Page, paging.Size, items);
    }
}
