using CivicGrid.Modules.Cases.Catalog;
using CivicGrid.Persistence;
using CivicGrid.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CivicGrid.Modules.Open311.Features;

/// <summary>
/// GET services.{fmt} and services/{code}.{fmt}: the catalog of matters (事项清单) as Open311 services. Each active item
/// is a service (code = item code, group = its category); we ask for no extra attributes, so metadata is false and a
/// definition's attribute list is empty.
/// </summary>
public static class ListServices
{
    public sealed record Service(string ServiceCode, string ServiceName, string? Description, bool Metadata, string Type,
        string? Keywords, string? Group);

    public sealed record ServiceDefinition(string ServiceCode, List<object> Attributes);

    public static void Map(RouteGroupBuilder open311)
    {
        open311.MapGet($"/services.{Open311Result.Format}", List);
        open311.MapGet($"/services/{{code}}.{Open311Result.Format}", Define);
    }

    static async Task<Open311Result> List(string format, CivicGridDbContext db, IStringLocalizer<Ui> l, CancellationToken ct)
    {
        var items = await Active(db).ToListAsync(ct);
        return new Open311Result(Open311Result.Parse(format), "services", items.Select(x => ToService(x.Item, x.Category, l)).ToList());
    }

    static async Task<Open311Result> Define(string code, string format, CivicGridDbContext db, IStringLocalizer<Ui> l, CancellationToken ct)
    {
        var fmt = Open311Result.Parse(format);
        if (!await db.CatalogItems.AnyAsync(i => i.Code == code && !i.Retired, ct)) return Open311Result.Problem(fmt, Open311Errors.ServiceUnknown, l);
        return new Open311Result(fmt, "service_definition", new ServiceDefinition(code, []));
    }

    sealed record Row(CatalogItem Item, CatalogCategory Category);

    // Exactly what the intake accepts a new case under (ReportCase): an item not retired.
    static IQueryable<Row> Active(CivicGridDbContext db) =>
        from i in db.CatalogItems.AsNoTracking()
        join c in db.CatalogCategories.AsNoTracking() on i.CategoryCode equals c.Code
        where !i.Retired
        orderby c.Order, i.Code
        select new Row(i, c);

    static Service ToService(CatalogItem item, CatalogCategory category, IStringLocalizer<Ui> l)
    {
        var limit = item.HandlingLimit.Unit == TimeUnit.WorkingHours
            ? l["Open311.Limit.Hours", item.HandlingLimit.Amount] : l["Open311.Limit.Days", item.HandlingLimit.Amount];
        var description = l["Open311.Service.Description", item.LeadDuty, limit];
        var keywords = string.Join(",", new[] { category.Name, item.LeadDuty }.Concat(item.CooperatingDuties).Where(k => k.Length > 0).Distinct());
        return new Service(item.Code, item.Name, description, Metadata: false, "realtime", keywords, category.Name);
    }
}
