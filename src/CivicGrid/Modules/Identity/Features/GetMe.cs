using CivicGrid.Shared;

namespace CivicGrid.Modules.Identity.Features;

/// <summary>GET /api/auth/me: who I am, what I may do, what I reach.</summary>
public static class GetMe
{
    public sealed record Response(Guid Id, string UserName, string DisplayName, string[] Permissions, bool Unrestricted,
        string[] AreaPrefixes, Guid[] UnitIds, Guid? ResidentId);

    public static void Map(RouteGroupBuilder auth) => auth.MapGet("/me", (CurrentUser user) => new Response(
        user.Id!.Value, user.UserName, user.DisplayName, user.Permissions.Order().ToArray(), user.Scope.IsUnrestricted,
        user.Scope.AreaPrefixes, user.Scope.UnitIds, user.Scope.ResidentId)).RequireAuthorization();
}
