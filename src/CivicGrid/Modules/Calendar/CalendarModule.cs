using CivicGrid.Modules.Calendar.Domain;
using CivicGrid.Modules.Calendar.Features;
using CivicGrid.Modules.Calendar.Loading;

namespace CivicGrid.Modules.Calendar;

/// <summary>The working calendar (工作日历) and deadline arithmetic in working time (DOMAIN.md §3). See README.md.</summary>
public static class CalendarModule
{
    public static IHostApplicationBuilder AddCalendar(this IHostApplicationBuilder builder)
    {
        var hours = builder.Configuration["Calendar:WorkingHours"] is { Length: > 0 } text ? WorkingHours.Parse(text) : WorkingHours.Default;
        builder.Services.AddSingleton(hours);
        builder.Services.AddSingleton<CurrentCalendar>();
        builder.Services.AddHostedService<CalendarLoader>();
        return builder;
    }

    public static WebApplication MapCalendar(this WebApplication app)
    {
        var calendar = app.MapGroup("/api/calendar").WithTags("Calendar");
        GetCalendarYear.Map(calendar);
        ReplaceCalendarYear.Map(calendar);
        return app;
    }
}
