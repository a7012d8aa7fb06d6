using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CivicGrid.Modules.Points.Features;

/// <summary>
/// The phone's plain HTML forms on /m/points (ADR 10: no circuit on the phone): redeem an item, cancel an unredeemed
/// code. They run the same use cases as the REST routes and redirect back, with <c>?error=code</c> when refused.
/// </summary>
public static class PointsForms
{
    public static void Map(WebApplication app)
    {
        var forms = app.MapGroup("/m/points").ExcludeFromDescription();
        forms.MapPost("/redeem/{id:guid}", async (Guid id, CivicGridDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
            Back(await RedeemItem.RunAsync(db, user, id, clock.GetUtcNow(), ct), r => $"redeemed={r.Id}"))
            .RequireAuthorization(Permissions.Points.Redeem);
        forms.MapPost("/redemptions/{id:guid}/cancel", async (Guid id, CivicGridDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
            Back(await CancelRedemption.RunAsync(db, user, id, clock.GetUtcNow(), ct), _ => "cancelled=true"))
            .RequireAuthorization();
    }

    static RedirectHttpResult Back(Result<PointsViews.Redemption>? result, Func<PointsViews.Redemption, string> done) =>
        result is not { } r ? TypedResults.LocalRedirect("/m/points?error=points.code_unknown")
        : r.IsError ? TypedResults.LocalRedirect($"/m/points?error={Uri.EscapeDataString(r.Error!.Code)}")
        : TypedResults.LocalRedirect($"/m/points?{done(r.Value)}#codes");
}
