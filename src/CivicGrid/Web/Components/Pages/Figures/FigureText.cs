namespace CivicGrid.Web.Components.Pages.Figures;

/// <summary>How the console writes figures: rates as percentages, "—" where nothing was counted (Figures/README.md).</summary>
public static class FigureText
{
    public const string None = "—";

    public static string Percent(double? rate) => rate is { } r ? $"{r * 100:0.#}%" : None;

    public static string Hours(double? minutes) => minutes is { } m ? $"{m / 60:0.#}" : None;

    public static string Score(double? score) => score is { } s ? $"{s:0.##}" : None;
}
