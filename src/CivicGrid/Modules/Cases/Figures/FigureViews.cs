using CivicGrid.Shared;

namespace CivicGrid.Modules.Cases.Figures;

/// <summary>An area's counts and rates as the API and the console show them; a rate is null ("—") when nothing was counted under it.</summary>
public sealed record FigureView(
    int Reported, int OnTheSpot, int Dispatched, int Signed, int SignedInTime, int Handled, int HandledOnTime,
    int Closed, int Solved, int Rated, int Satisfied, int BasicallySatisfied, int Dissatisfied,
    int Returns, int Reopens, int Escalations, int Whistles,
    double? ResponseRate, double? ResolutionRate, double? SatisfactionRate, double? OnTimeRate, double? AverageHandlingMinutes)
{
    public static FigureView Of(FigureCounts c) => new(
        c.Reported, c.OnTheSpot, c.Dispatched, c.Signed, c.SignedInTime, c.Handled, c.HandledOnTime,
        c.Closed, c.Solved, c.Rated, c.Satisfied, c.BasicallySatisfied, c.Dissatisfied,
        c.Returns, c.Reopens, c.Escalations, c.Whistles,
        c.ResponseRate, c.ResolutionRate, c.SatisfactionRate, c.OnTimeRate, c.AverageHandlingMinutes);
}

/// <summary>A unit's counts and rates: units sign for and handle; closing and rating belong to the area.</summary>
public sealed record UnitFigureView(
    int Dispatched, int Signed, int SignedInTime, int Handled, int HandledOnTime, int Returns,
    double? ResponseRate, double? OnTimeRate, double? AverageHandlingMinutes)
{
    public static UnitFigureView Of(FigureCounts c) => new(
        c.Dispatched, c.Signed, c.SignedInTime, c.Handled, c.HandledOnTime, c.Returns, c.ResponseRate, c.OnTimeRate, c.AverageHandlingMinutes);
}

public sealed record AreaFigureRow(string Code, string Name, AreaLevel Level, FigureView Figures);

/// <summary>
/// An area's figures over a period and one row per child area (district → streets, street → communities). Without an
/// area, the caller's whole scope: <see cref="Code"/> is null and the children are the areas of their scope.
/// </summary>
public sealed record AreaFigures(string? Code, string Name, AreaLevel? Level, DateOnly From, DateOnly To, FigureView Totals,
    List<AreaFigureRow> Children);

public sealed record UnitFigureRow(Guid UnitId, string UnitName, UnitFigureView Figures);

public sealed record UnitFigures(DateOnly From, DateOnly To, List<UnitFigureRow> Units);
