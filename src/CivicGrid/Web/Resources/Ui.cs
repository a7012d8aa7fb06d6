namespace CivicGrid.Web.Resources;

/// <summary>
/// The console's and mobile pages' visible text: Ui.resx holds the default Simplified Chinese, Ui.en.resx the English.
/// Components take it as <c>IStringLocalizer&lt;Ui&gt;</c> (injected as <c>L</c> in _Imports.razor).
/// </summary>
public sealed class Ui;
