using CivicGrid.Modules.Volunteering.Domain;
using CivicGrid.Modules.Volunteering.Features;

namespace CivicGrid.Modules.Volunteering;

/// <summary>Dual registration, volunteer activities with QR check-in, micro-wishes and service reports (DOMAIN.md §4). See README.md.</summary>
public static class VolunteeringModule
{
    public static IHostApplicationBuilder AddVolunteering(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(sp => CheckInCodes.FromConfiguration(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<TimeProvider>()));
        return builder;
    }

    public static WebApplication MapVolunteering(this WebApplication app)
    {
        var group = app.MapGroup("/api/volunteering").WithTags("Volunteering");
        RegisterUnit.Map(group);
        RegisterMember.Map(group);
        ConfirmRegistration.Map(group);
        RegistrationViews.Map(group);
        PublishActivity.Map(group);
        ActivityViews.Map(group);
        SignUpForActivity.Map(group);
        CheckInAtActivity.Map(group);
        ShowCheckInCode.Map(group);
        CorrectHours.Map(group);
        PostWish.Map(group);
        ClaimWish.Map(group);
        FulfilWish.Map(group);
        ConfirmWish.Map(group);
        WishViews.Map(group);
        ServiceReports.Map(group);
        ServiceReportPdfs.Map(group);
        VolunteerNotices.Map(group);
        VolunteerForms.Map(app);
        return app;
    }
}
