using Microsoft.AspNetCore.Components.Authorization;

namespace CivicGrid.Web;

/// <summary>
/// A DI scope carrying the circuit's user, for use cases written for one HTTP request (UserManager and the DbContext
/// sharing one unit of work). A Blazor circuit lives for the whole visit, so each operation gets its own scope.
/// </summary>
public sealed class RequestScope(IServiceScopeFactory factory, AuthenticationStateProvider auth)
{
    public async Task<T> Run<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = factory.CreateAsyncScope();
        var state = auth.GetAuthenticationStateAsync();
        await state;
        ((IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(state);
        return await work(scope.ServiceProvider);
    }
}
