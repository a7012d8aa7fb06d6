using CivicGrid.Modules.Points.Features;
using CivicGrid.Modules.Points.Jobs;

namespace CivicGrid.Modules.Points;

/// <summary>Points (积分, DOMAIN.md §5): the ledger, earning rules, the projection of events, redemption and
/// leaderboards. See README.md.</summary>
public static class PointsModule
{
    public static IHostApplicationBuilder AddPoints(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PointsProjection>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<PointsProjection>());
        builder.Services.AddSingleton<ExpirySweep>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ExpirySweep>());
        return builder;
    }

    public static WebApplication MapPoints(this WebApplication app)
    {
        var points = app.MapGroup("/api/points").WithTags("Points");
        ShowMyPoints.Map(points);
        BrowseCatalog.Map(points);
        ManageCatalog.Map(points);
        RedeemItem.Map(points);
        CancelRedemption.Map(points);
        RedeemCode.Map(points);
        ManageEarningRules.Map(points);
        BrowseLedger.Map(points);
        ReverseEntry.Map(points);
        RankEarners.Map(points);
        PointsForms.Map(app);
        return app;
    }
}
