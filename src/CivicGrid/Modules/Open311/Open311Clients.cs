using System.Security.Cryptography;
using System.Text;
using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CivicGrid.Modules.Open311;

/// <summary>
/// Configuration <c>Open311</c>: the third-party apps allowed to submit (<c>Clients</c>: api key → the channel account
/// that reports for them), and the contact lines of the discovery document.
/// </summary>
public sealed class Open311Options
{
    public List<Open311Client> Clients { get; set; } = [];
    public string? Contact { get; set; }
    public string? KeyService { get; set; }
}

/// <summary>One app: its api key and the user name of its channel account (a resident-role account, never staff).</summary>
public sealed class Open311Client
{
    public string ApiKey { get; set; } = "";
    public string UserName { get; set; } = "";
}

/// <summary>
/// Signs a channel in for one request from the <c>api_key</c> it posted: the request's user becomes the channel account,
/// so the intake, the data scope and the operation log all see who reported, exactly as after a password sign-in.
/// </summary>
public sealed class Open311Clients(IOptionsMonitor<Open311Options> options, UserManager<Account> users, IUserClaimsPrincipalFactory<Account> principals)
{
    public async Task<Error?> SignInAsync(HttpContext http, string? apiKey)
    {
        if (string.IsNullOrEmpty(apiKey)) return Open311Errors.ApiKeyInvalid;
        var client = options.CurrentValue.Clients.FirstOrDefault(c => c.ApiKey.Length > 0 && SameKey(c.ApiKey, apiKey));
        if (client is null) return Open311Errors.ApiKeyInvalid;
        var account = await users.FindByNameAsync(client.UserName);
        if (account is null || account.Disabled) return Open311Errors.ApiKeyInvalid;
        var principal = await principals.CreateAsync(account);
        // A channel only reports. A key mapped to a staff account would let whoever holds it act with staff scope.
        if (!principal.HasClaim(CurrentUser.PermissionClaim, Permissions.Cases.Report)
            || principal.HasClaim(CurrentUser.PermissionClaim, Permissions.Cases.View)) return Open311Errors.ApiKeyInvalid;
        http.User = principal;
        return null;
    }

    static bool SameKey(string configured, string given) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(configured)), SHA256.HashData(Encoding.UTF8.GetBytes(given)));
}
