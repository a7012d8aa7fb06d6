using System.Net;
using CivicGrid.IntegrationTests.Infrastructure;
using CivicGrid.Persistence;
using CivicGrid.Modules.Cases.Domain;
using static CivicGrid.IntegrationTests.Infrastructure.PhoneForms;
using static CivicGrid.IntegrationTests.Cases.CaseWorld;

namespace CivicGrid.IntegrationTests.Cases;

/// <summary>
/// Rating a case that is handled but not closed: the phone's rating form (/m/cases/{id}/rate, CaseForms) sends the
/// reporter back to the case page with the code, which shows a Chinese message; the API answers 409
/// <c>case.illegal_transition</c>; the case is left as it was.
/// </summary>
public sealed class RatingUnclosedCaseTests(Apps apps) : IClassFixture<Apps>
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Rating_a_handled_case_from_the_phone_form_is_refused_with_a_chinese_message_and_changes_nothing(DatabaseProvider provider)
    {
        var w = await CaseWorld.CreateAsync(await apps.For(provider));
        var handled = await w.HandledAsync();
        var id = handled.Case.Id;
        var resident = Forms(w.App, w.Resident);
        var page = await resident.GetStringAsync($"/m/cases/{id}");
        Assert.DoesNotContain("data-testid=\"rate-form\"", page); // not offered; sent anyway, as an old page or a second tab would

        var sent = await resident.PostAsync($"/m/cases/{id}/rate",
            Form(page, ("rating", "Satisfied"), ("comment", "提前评价"), ("version", handled.Case.Version.ToString())));
        Assert.Equal($"/m/cases/{id}?error=case.illegal_transition", Landed(sent));
        var shown = await resident.GetStringAsync(Landed(sent));
        Assert.Contains("data-testid=\"case-error\"", shown);
        Assert.Contains("案件当前为“已办结反馈”，不能进行此操作，请查看下方最新进度。", shown);
        Assert.DoesNotContain("已提交。", shown);

        // Without a version the aggregate still refuses it.
        var unversioned = await resident.PostAsync($"/m/cases/{id}/rate", Form(page, ("rating", "Dissatisfied")));
        Assert.Equal($"/m/cases/{id}?error=case.illegal_transition", Landed(unversioned));

        // The API says the same with its problem code.
        var api = await Try(w.Resident, id, "rate", new { rating = "Satisfied" });
        Assert.Equal(HttpStatusCode.Conflict, api.StatusCode);
        Assert.Equal("case.illegal_transition", await api.ProblemCode());

        var now = await w.Resident.Get<CaseDetailDto>($"/api/cases/{id}");
        Assert.Equal(CaseStatus.Handled, now.Case.Status);
        Assert.Equal(handled.Case.Version, now.Case.Version);
        Assert.Null(now.Rating);
        Assert.Equal(handled.History.Select(h => h.Seq), now.History.Select(h => h.Seq));
        Assert.DoesNotContain(now.History, h => h.Action == CaseAction.Rate);
    }
}
