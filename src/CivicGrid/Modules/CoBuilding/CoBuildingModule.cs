using CivicGrid.Modules.Cases.Features;
using CivicGrid.Modules.CoBuilding.Features;
using CivicGrid.Modules.CoBuilding.Jobs;
using CivicGrid.Modules.Identity.Domain;

namespace CivicGrid.Modules.CoBuilding;

/// <summary>Co-building (共建共治共享, DOMAIN.md §4): alliances, meetings, the three lists, contracts. See README.md.</summary>
public static class CoBuildingModule
{
    public static IHostApplicationBuilder AddCoBuilding(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<MilestoneSweep>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<MilestoneSweep>());
        builder.Services.AddScoped<ICaseOrigin, MeetingOrigin>();
        return builder;
    }

    public static WebApplication MapCoBuilding(this WebApplication app)
    {
        var g = app.MapGroup("/api/cobuilding").WithTags("CoBuilding").RequireAuthorization(Permissions.CoBuilding.View);
        ManageAlliances.Map(g);
        RecordMeeting.Map(g);
        FinaliseMeeting.Map(g);
        AddFollowUp.Map(g);
        BrowseLists.Map(g);
        PublishResource.Map(g);
        PublishNeed.Map(g);
        ClaimNeed.Map(g);
        DecideClaim.Map(g);
        BrowseProjects.Map(g);
        DefineProject.Map(g);
        WorkOnProject.Map(g);
        SignContract.Map(g);
        CoBuildingForms.Map(app);
        return app;
    }
}
