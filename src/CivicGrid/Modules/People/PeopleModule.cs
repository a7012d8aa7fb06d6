using CivicGrid.Modules.People.Features;
using CivicGrid.Shared;

namespace CivicGrid.Modules.People;

public static class PeopleModule
{
    public static IHostApplicationBuilder AddPeople(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(sp => PersonalDataProtector.FromConfiguration(sp.GetRequiredService<IConfiguration>()));
        ImportQueue.Register(builder.Services);
        return builder;
    }

    public static WebApplication MapPeople(this WebApplication app)
    {
        var residents = app.MapGroup("/api/residents").WithTags("People");
        SearchResidents.Map(residents);
        RegisterResident.Map(residents);
        RevealResident.Map(residents);
        ExportResidents.Map(residents);
        ImportTemplate.Map(residents);
        ImportResidents.Map(residents);
        ImportProgress.Map(residents);
        BrowseHouseholds.Map(app);
        BrowseUnitsAndParty.Map(app);
        return app;
    }
}
