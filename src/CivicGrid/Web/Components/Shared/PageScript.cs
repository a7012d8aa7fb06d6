using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace CivicGrid.Web.Components.Shared;

/// <summary>
/// A script one static page needs (put inside &lt;HeadContent&gt;): the few mobile pages that need script load only
/// their own, the rest of /m stays script-free. Razor markup refuses &lt;script&gt; tags in components, so it is written here.
/// </summary>
public sealed class PageScript : ComponentBase
{
    [Parameter, EditorRequired] public string Src { get; set; } = "";
    /// <summary>An ES module (deferred by nature); otherwise a classic script with <c>defer</c>. Both run in document order.</summary>
    [Parameter] public bool Module { get; set; }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "script");
        if (Module) builder.AddAttribute(1, "type", "module");
        else builder.AddAttribute(2, "defer", true);
        builder.AddAttribute(3, "src", Src);
        builder.CloseElement();
    }
}
