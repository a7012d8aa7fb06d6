using CivicGrid.Modules.Areas;
using CivicGrid.Modules.Audit;
using CivicGrid.Modules.Calendar;
using CivicGrid.Modules.Cases;
using CivicGrid.Modules.CoBuilding;
using CivicGrid.Modules.Identity;
using CivicGrid.Modules.Open311;
using CivicGrid.Modules.People;
using CivicGrid.Modules.Points;
using CivicGrid.Modules.Volunteering;
using CivicGrid.Persistence;
using CivicGrid.Persistence.Demo;
using CivicGrid.Shared;
using CivicGrid.Shared.Files;
using CivicGrid.Shared.Pdf;
using CivicGrid.Web;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemCodes.Complete);
builder.Services.AddExceptionHandler<ProblemHandling>();
builder.Services.AddOpenApi();
builder.Services.ConfigureHttpJsonOptions(o =>
{
    o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
    o.SerializerOptions.Converters.Add(new PlainText.JsonConverter());
});

builder.AddDatabase();
builder.AddFiles();
builder.AddReports();
builder.AddAudit();
builder.AddIdentityModule();
builder.AddAreas();
builder.AddCalendar();
builder.AddPeople();
builder.AddCases();
builder.AddCoBuilding();
builder.AddOpen311();
builder.AddPoints();
builder.AddVolunteering();
builder.AddWeb();

var app = builder.Build();

if (args is ["seed", ..])
    return await DemoCommand.RunAsync(app.Services, args[1..]);

await Startup.PrepareDatabaseAsync(app.Services, app.Configuration);

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseStaticFiles();
app.UseRequestLocalization();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.UseOperationLog();

app.MapOpenApi();
app.MapScalarApiReference("/scalar");
app.MapHealth();
app.MapIdentityModule();
app.MapAreas();
app.MapCalendar();
app.MapPeople();
app.MapCases();
app.MapCoBuilding();
app.MapOpen311();
app.MapPoints();
app.MapVolunteering();
app.MapAudit();
app.MapWeb();

await app.RunAsync();
return 0;

/// <summary>Lets the integration tests start the real app (WebApplicationFactory&lt;Program&gt;).</summary>
public partial class Program;
