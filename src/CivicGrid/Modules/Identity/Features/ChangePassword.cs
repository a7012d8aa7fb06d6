using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace CivicGrid.Modules.Identity.Features;

/// <summary>POST /api/auth/password: change my own password (current password required).</summary>
public static class ChangePassword
{
    public sealed record Request(string CurrentPassword, string NewPassword);

    public static readonly Error Rejected = Error.Validation("auth.password_rejected", "原密码错误，或新密码不符合要求（至少8位，含数字和小写字母）。");

    public static void Map(RouteGroupBuilder auth) => auth.MapPost("/password", Handle).RequireAuthorization();

    internal static async Task<Results<NoContent, ProblemHttpResult>> Handle(Request request, CurrentUser me, UserManager<Account> users)
    {
        var account = await users.FindByIdAsync(me.Id!.Value.ToString());
        if (account is null) return Rejected.ToProblem();
        var result = await users.ChangePasswordAsync(account, request.CurrentPassword ?? "", request.NewPassword ?? "");
        return result.Succeeded ? TypedResults.NoContent() : Rejected.ToProblem();
    }
}
