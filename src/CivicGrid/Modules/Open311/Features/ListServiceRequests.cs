using CivicGrid.Modules.Cases.Domain;
using CivicGrid.Persistence;
using CivicGrid.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CivicGrid.Modules.Open311.Features;

/// <summary>
/// GET requests.{fmt} and requests/{id}.{fmt}: the public, anonymous feed of service requests (see <see cref="PublicCases"/>
/// for what is in it). service_request_id (comma list) overrides every other filter and also finds rejected and merged
/// cases, so a client can learn what became of its own report; date-window lists leave those out.
/// </summary>
public static class ListServiceRequests
{
    public sealed record ServiceRequest(string ServiceRequestId, string Status, string? StatusNotes, string? ServiceName,
        string ServiceCode, string? Description, string? AgencyResponsible, string? ServiceNotice, DateTimeOffset RequestedDatetime,
        DateTimeOffset? UpdatedDatetime, DateTimeOffset? ExpectedDatetime, string? Address, double? Lat, double? Long, string? MediaUrl);

    public static void Map(RouteGroupBuilder open311)
    {
        open311.MapGet($"/requests.{Open311Result.Format}", List);
        open311.MapGet($"/requests/{{id}}.{Open311Result.Format}", Get);
        // The spec's Swagger file spells the single request "request/{id}"; answer both.
        open311.MapGet($"/request/{{id}}.{Open311Result.Format}", Get);
    }

    static async Task<Open311Result> List(string format, [FromQuery(Name = "service_request_id")] string? ids,
        [FromQuery(Name = "service_code")] string? codes, [FromQuery(Name = "start_date")] string? start,
        [FromQuery(Name = "end_date")] string? end, string? status, CivicGridDbContext db, TimeProvider clock,
        IStringLocalizer<Ui> l, CancellationToken ct)
    {
        var fmt = Open311Result.Parse(format);
        var cases = PublicCases.Query(db);
        var numbers = QueryWindow.Split(ids).Take(QueryWindow.MaxResults).ToList();
        if (numbers.Count > 0) cases = cases.Where(c => numbers.Contains(c.Number));
        else
        {
            var window = QueryWindow.Read(start, end, clock.GetUtcNow());
            if (window.IsError) return Open311Result.Problem(fmt, window.Error!, l);
            var (from, to) = window.Value;
            cases = cases.Where(c => !PublicCases.Unlisted.Contains(c.Status) && c.ReportedAt >= from && c.ReportedAt <= to);
            if (QueryWindow.Split(codes) is { Count: > 0 } items) cases = cases.Where(c => items.Contains(c.ItemCode));
            var statuses = QueryWindow.Split(status?.ToLowerInvariant());
            if (statuses.Any(s => s is not ("open" or "closed"))) return Open311Result.Problem(fmt, Open311Errors.StatusInvalid, l);
            if (statuses is ["open"]) cases = cases.Where(c => !CaseStatuses.Finished.Contains(c.Status));
            if (statuses is ["closed"]) cases = cases.Where(c => CaseStatuses.Finished.Contains(c.Status));
        }
        var found = await ReadAsync(db, cases.OrderByDescending(c => c.ReportedAt).Take(QueryWindow.MaxResults), l, ct);
        return new Open311Result(fmt, "service_requests", found);
    }

    static async Task<Open311Result> Get(string id, string format, CivicGridDbContext db, IStringLocalizer<Ui> l, CancellationToken ct)
    {
        var fmt = Open311Result.Parse(format);
        var found = await ReadAsync(db, PublicCases.Query(db).Where(c => c.Number == id), l, ct);
        return found.Count == 0 ? Open311Result.Problem(fmt, Open311Errors.RequestNotFound, l) : new Open311Result(fmt, "service_requests", found);
    }

    static async Task<List<ServiceRequest>> ReadAsync(CivicGridDbContext db, IQueryable<Case> cases, IStringLocalizer<Ui> l, CancellationToken ct)
    {
        // Only public columns leave the database: no reporter, no phone, no comments.
        var rows = await cases.Select(c => new
        {
            c.Number, c.Status, c.ItemCode, c.Description, c.ReportedAt, c.UpdatedAt, c.HandlingDue, c.Address, c.Latitude, c.Longitude,
            Lead = c.Assignments.Where(a => a.Active && a.Role == AssignmentRole.Lead).Select(a => a.UnitName).FirstOrDefault(),
        }).ToListAsync(ct);
        var codes = rows.Select(r => r.ItemCode).Distinct().ToList();
        var names = await db.CatalogItems.AsNoTracking().Where(i => codes.Contains(i.Code)).ToDictionaryAsync(i => i.Code, i => i.Name, ct);
        return rows.Select(r => new ServiceRequest(r.Number, PublicCases.StatusOf(r.Status), PublicCases.NotesOf(r.Status, l),
            names.GetValueOrDefault(r.ItemCode), r.ItemCode,
            // A rejected report was never vetted: its words stay out of the feed, its fate does not.
            r.Status == CaseStatus.Rejected ? null : r.Description,
            r.Lead, null, r.ReportedAt, r.UpdatedAt ?? r.ReportedAt, r.HandlingDue, r.Address, r.Latitude, r.Longitude, null)).ToList();
    }
}
