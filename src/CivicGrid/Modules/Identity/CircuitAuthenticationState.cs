using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace CivicGrid.Modules.Identity;

/// <summary>
/// The authentication state of a Blazor circuit, remembering whether the server has set it: <see cref="CurrentUser"/>
/// reads it in circuits (which have no HttpContext) and must know when a scope is neither a request nor a circuit
/// (seeding, background work), where the base provider throws.
/// </summary>
sealed class CircuitAuthenticationState : ServerAuthenticationStateProvider, IHostEnvironmentAuthenticationStateProvider
{
    public Task<AuthenticationState>? State { get; private set; }

    void IHostEnvironmentAuthenticationStateProvider.SetAuthenticationState(Task<AuthenticationState> state)
    {
        State = state;
        SetAuthenticationState(state);
    }
}
