using CivicGrid.Modules.Areas.Domain;
using CivicGrid.Modules.Audit;
using CivicGrid.Modules.Calendar.Domain;
using CivicGrid.Modules.Cases.Catalog;
using CivicGrid.Modules.Cases.Domain;
using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Modules.People.Domain;
using CivicGrid.Shared;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Persistence;

/// <summary>The unit of work: one SaveChanges per request. Data scope is applied here, once, for every scoped entity.</summary>
/// <remarks>
/// Abstract: each provider has its own subclass so that each has its own migrations (docs/adr/0002). Contexts are pooled
/// (<see cref="DatabaseSetup"/>): every one is handed out through <see cref="DbContextScopes.WithScope{T}"/>, and sees
/// nothing from the moment it is disposed until it is handed out again.
/// </remarks>
public abstract class CivicGridDbContext(DbContextOptions options) : IdentityDbContext<Account, AccountRole, Guid>(options)
{
    static readonly ScopeSource NoScope = ScopeSource.Fixed(DataScope.Nothing);
    ScopeSource _scope = NoScope;

    // Read by the query filters; EF parameterizes these per query, so one model serves every caller.
    bool ScopeUnrestricted => _scope.Current.IsUnrestricted;
    string[] ScopePrefixes => _scope.Current.AreaPrefixes;
    Guid? ScopeResidentId => _scope.Current.ResidentId;
    Guid? ScopeAccountId => _scope.Current.AccountId;
    Guid[] ScopeUnitIds => _scope.Current.UnitIds;

    public DataScope Scope => _scope.Current;

    internal void UseScope(ScopeSource scope) => _scope = scope;

    // Back to the pool (or gone): whoever takes this instance next sets its own scope.
    public override void Dispose()
    {
        _scope = NoScope;
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        _scope = NoScope;
        return base.DisposeAsync();
    }

    public DbSet<Area> Areas => Set<Area>();
    public DbSet<Compound> Compounds => Set<Compound>();
    public DbSet<Building> Buildings => Set<Building>();
    public DbSet<Household> Households => Set<Household>();
    public DbSet<Resident> Residents => Set<Resident>();
    public DbSet<Vehicle> Vehicles => Set<Vehicle>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<PartyOrganisation> PartyOrganisations => Set<PartyOrganisation>();
    public DbSet<PartyMember> PartyMembers => Set<PartyMember>();
    public DbSet<PersonalDataAccess> PersonalDataAccesses => Set<PersonalDataAccess>();
    public DbSet<ImportJob> ImportJobs => Set<ImportJob>();
    public DbSet<ImportFile> ImportFiles => Set<ImportFile>();
    public DbSet<AccountScope> AccountScopes => Set<AccountScope>();
    public DbSet<OperationLogEntry> OperationLog => Set<OperationLogEntry>();
    public DbSet<CalendarYear> CalendarYears => Set<CalendarYear>();
    public DbSet<CatalogCategory> CatalogCategories => Set<CatalogCategory>();
    public DbSet<CatalogItem> CatalogItems => Set<CatalogItem>();
    public DbSet<Case> Cases => Set<Case>();
    /// <summary>Read only through a case the caller can see (<c>Where(t => t.CaseId == c.Id)</c>): history has no filter of its own.</summary>
    public DbSet<CaseTransition> CaseTransitions => Set<CaseTransition>();
    public DbSet<CaseAttachment> CaseAttachments => Set<CaseAttachment>();
    public DbSet<CaseAssignment> CaseAssignments => Set<CaseAssignment>();
    public DbSet<CaseNumberCounter> CaseNumberCounters => Set<CaseNumberCounter>();
    public DbSet<IdempotentRequest> IdempotentRequests => Set<IdempotentRequest>();
    public DbSet<FormSubmission> FormSubmissions => Set<FormSubmission>();
    public DbSet<CaseNotice> CaseNotices => Set<CaseNotice>();
    public DbSet<Upload> Uploads => Set<Upload>();
    public DbSet<Modules.Points.Domain.PointsEvent> PointsEvents => Set<Modules.Points.Domain.PointsEvent>();
    public DbSet<Modules.Points.Domain.PointsAccount> PointsAccounts => Set<Modules.Points.Domain.PointsAccount>();
    public DbSet<Modules.Points.Domain.PointsEntry> PointsEntries => Set<Modules.Points.Domain.PointsEntry>();
    public DbSet<Modules.Points.Domain.EarningRule> EarningRules => Set<Modules.Points.Domain.EarningRule>();
    public DbSet<Modules.Points.Domain.RedemptionItem> RedemptionItems => Set<Modules.Points.Domain.RedemptionItem>();
    public DbSet<Modules.Points.Domain.Redemption> Redemptions => Set<Modules.Points.Domain.Redemption>();
    public DbSet<Modules.Volunteering.Domain.DualRegistration> DualRegistrations => Set<Modules.Volunteering.Domain.DualRegistration>();
    public DbSet<Modules.Volunteering.Domain.VolunteerActivity> VolunteerActivities => Set<Modules.Volunteering.Domain.VolunteerActivity>();
    public DbSet<Modules.Volunteering.Domain.ActivitySignup> ActivitySignups => Set<Modules.Volunteering.Domain.ActivitySignup>();
    /// <summary>Read only through a sign-up the caller can see.</summary>
    public DbSet<Modules.Volunteering.Domain.HoursCorrection> HoursCorrections => Set<Modules.Volunteering.Domain.HoursCorrection>();
    public DbSet<Modules.Volunteering.Domain.MicroWish> MicroWishes => Set<Modules.Volunteering.Domain.MicroWish>();
    public DbSet<Modules.Volunteering.Domain.WishPhoto> WishPhotos => Set<Modules.Volunteering.Domain.WishPhoto>();
    public DbSet<Modules.Volunteering.Domain.VolunteerNotice> VolunteerNotices => Set<Modules.Volunteering.Domain.VolunteerNotice>();
    public DbSet<Modules.Cases.Figures.CaseFiguresDaily> CaseFiguresDaily => Set<Modules.Cases.Figures.CaseFiguresDaily>();
    public DbSet<Modules.Cases.Figures.UnitFiguresDaily> UnitFiguresDaily => Set<Modules.Cases.Figures.UnitFiguresDaily>();
    public DbSet<Modules.Cases.Figures.CaseFiguresMonthly> CaseFiguresMonthly => Set<Modules.Cases.Figures.CaseFiguresMonthly>();
    public DbSet<Modules.Cases.Figures.UnitFiguresMonthly> UnitFiguresMonthly => Set<Modules.Cases.Figures.UnitFiguresMonthly>();
    /// <summary>Not scoped: a month's write count says nothing about any area.</summary>
    public DbSet<Modules.Cases.Figures.FigureStamp> FigureStamps => Set<Modules.Cases.Figures.FigureStamp>();
    public DbSet<Modules.CoBuilding.Domain.Alliance> Alliances => Set<Modules.CoBuilding.Domain.Alliance>();
    /// <summary>No filter of its own: read through an alliance the caller can see (data scope reads it to open needs to members).</summary>
    public DbSet<Modules.CoBuilding.Domain.AllianceMember> AllianceMembers => Set<Modules.CoBuilding.Domain.AllianceMember>();
    public DbSet<Modules.CoBuilding.Domain.Meeting> Meetings => Set<Modules.CoBuilding.Domain.Meeting>();
    public DbSet<Modules.CoBuilding.Domain.Resource> CoBuildingResources => Set<Modules.CoBuilding.Domain.Resource>();
    public DbSet<Modules.CoBuilding.Domain.Need> CoBuildingNeeds => Set<Modules.CoBuilding.Domain.Need>();
    public DbSet<Modules.CoBuilding.Domain.Project> CoBuildingProjects => Set<Modules.CoBuilding.Domain.Project>();
    public DbSet<Modules.CoBuilding.Domain.Milestone> CoBuildingMilestones => Set<Modules.CoBuilding.Domain.Milestone>();
    public DbSet<Modules.CoBuilding.Domain.Contract> CoBuildingContracts => Set<Modules.CoBuilding.Domain.Contract>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        b.ApplyConfigurationsFromAssembly(typeof(CivicGridDbContext).Assembly);
        GeometryMapping.Configure(b, Database.ProviderName);

        ScopeByArea<Area>(b);
        ScopeByArea<Compound>(b);
        ScopeByArea<Building>(b);
        ScopeByArea<Vehicle>(b);
        ScopeByArea<Organisation>(b);
        ScopeByArea<PartyOrganisation>(b);
        ScopeByArea<PartyMember>(b);
        ScopeByArea<PersonalDataAccess>(b);
        // A resident sees their own household and its members besides whatever area scope they have.
        b.Entity<Resident>().HasQueryFilter(DataScope.FilterName, e =>
            ScopeUnrestricted || ScopePrefixes.Any(p => e.AreaCode.StartsWith(p)) || e.Id == ScopeResidentId
            || (ScopeResidentId != null && e.HouseholdId != null
                && Residents.IgnoreQueryFilters().Any(me => me.Id == ScopeResidentId && me.HouseholdId == e.HouseholdId)));
        // DOMAIN.md §1: a case is seen by its area's staff, by the units it is dispatched to, and by whoever reported it.
        b.Entity<Case>().HasQueryFilter(DataScope.FilterName, c =>
            ScopeUnrestricted || ScopePrefixes.Any(p => c.AreaCode.StartsWith(p))
            || (ScopeAccountId != null && c.ReporterAccountId == ScopeAccountId)
            || (ScopeUnitIds.Length > 0 && Set<CaseAssignment>().Any(a => a.CaseId == c.Id && ScopeUnitIds.Contains(a.UnitId))));
        // Figures follow the same rule: an area's staff see its communities' rows, a unit sees its own rows everywhere.
        b.Entity<Modules.Cases.Figures.CaseFiguresDaily>().HasQueryFilter(DataScope.FilterName, f =>
            ScopeUnrestricted || ScopePrefixes.Any(p => f.CommunityCode.StartsWith(p)));
        b.Entity<Modules.Cases.Figures.UnitFiguresDaily>().HasQueryFilter(DataScope.FilterName, f =>
            ScopeUnrestricted || ScopePrefixes.Any(p => f.CommunityCode.StartsWith(p)) || ScopeUnitIds.Contains(f.UnitId));
        b.Entity<Modules.Cases.Figures.CaseFiguresMonthly>().HasQueryFilter(DataScope.FilterName, f =>
            ScopeUnrestricted || ScopePrefixes.Any(p => f.CommunityCode.StartsWith(p)));
        b.Entity<Modules.Cases.Figures.UnitFiguresMonthly>().HasQueryFilter(DataScope.FilterName, f =>
            ScopeUnrestricted || ScopePrefixes.Any(p => f.CommunityCode.StartsWith(p)) || ScopeUnitIds.Contains(f.UnitId));
        // Points (Modules/Points/README.md): a holder sees their own account, entries and codes; area staff those of
        // their area; a merchant the redemptions it honours. Catalogs and rules are public: writes check scope.
        b.Entity<Modules.Points.Domain.PointsAccount>().HasQueryFilter(DataScope.FilterName, a =>
            ScopeUnrestricted || ScopePrefixes.Any(p => a.AreaCode.StartsWith(p)) || a.Id == ScopeAccountId);
        b.Entity<Modules.Points.Domain.PointsEntry>().HasQueryFilter(DataScope.FilterName, e =>
            ScopeUnrestricted || ScopePrefixes.Any(p => e.AreaCode.StartsWith(p)) || e.AccountId == ScopeAccountId);
        b.Entity<Modules.Points.Domain.Redemption>().HasQueryFilter(DataScope.FilterName, r =>
            ScopeUnrestricted || ScopePrefixes.Any(p => r.AreaCode.StartsWith(p)) || r.AccountId == ScopeAccountId
            || ScopeUnitIds.Contains(r.MerchantId));
        // Volunteering (DOMAIN.md §4): the community's staff by area; a unit its own registration and its members'; a
        // volunteer their own. Activities are a public notice board (no filter; managing one checks the area).
        b.Entity<Modules.Volunteering.Domain.DualRegistration>().HasQueryFilter(DataScope.FilterName, r =>
            ScopeUnrestricted || ScopePrefixes.Any(p => r.AreaCode.StartsWith(p)) || r.AccountId == ScopeAccountId
            || (r.UnitId != null && ScopeUnitIds.Contains(r.UnitId.Value)));
        b.Entity<Modules.Volunteering.Domain.ActivitySignup>().HasQueryFilter(DataScope.FilterName, s =>
            ScopeUnrestricted || ScopePrefixes.Any(p => s.AreaCode.StartsWith(p)) || s.AccountId == ScopeAccountId
            || (s.EmployerId != null && ScopeUnitIds.Contains(s.EmployerId.Value)));
        // A volunteer's notice is theirs alone: not even the community's staff read it.
        b.Entity<Modules.Volunteering.Domain.VolunteerNotice>().HasQueryFilter(DataScope.FilterName, n =>
            ScopeUnrestricted || n.AccountId == ScopeAccountId);
        // An open wish is on the public board; a claimed one is the community's, the resident's and the claimer's.
        b.Entity<Modules.Volunteering.Domain.MicroWish>().HasQueryFilter(DataScope.FilterName, w =>
            ScopeUnrestricted || w.Status == Modules.Volunteering.Domain.WishStatus.Open
            || ScopePrefixes.Any(p => w.AreaCode.StartsWith(p))
            || w.PostedByAccountId == ScopeAccountId || w.ForAccountId == ScopeAccountId || w.ClaimedByAccountId == ScopeAccountId
            || (w.ClaimedByUnitId != null && ScopeUnitIds.Contains(w.ClaimedByUnitId.Value)));
        b.Entity<Household>().HasQueryFilter(DataScope.FilterName, e =>
            ScopeUnrestricted || ScopePrefixes.Any(p => e.AreaCode.StartsWith(p))
            || (ScopeResidentId != null && Residents.IgnoreQueryFilters().Any(r => r.Id == ScopeResidentId && r.HouseholdId == e.Id)));
        ScopeCoBuilding(b);
    }

    // DOMAIN.md §1/§4 for co-building: an area's staff see their subtree; a unit sees its own resources, claims, projects
    // and contracts, the alliances and meetings it takes part in, and the boards of needs and projects of the areas where
    // it is an alliance member (open ones to claim, taken ones so that a late claim hears "taken", not "missing").
    void ScopeCoBuilding(ModelBuilder b)
    {
        b.Entity<Modules.CoBuilding.Domain.Alliance>().HasQueryFilter(DataScope.FilterName, a =>
            ScopeUnrestricted || ScopePrefixes.Any(p => a.AreaCode.StartsWith(p))
            || AllianceMembers.Any(m => m.AllianceId == a.Id && ScopeUnitIds.Contains(m.UnitId)));
        b.Entity<Modules.CoBuilding.Domain.Meeting>().HasQueryFilter(DataScope.FilterName, m =>
            ScopeUnrestricted || ScopePrefixes.Any(p => m.AreaCode.StartsWith(p))
            || (m.ChairUnitId != null && ScopeUnitIds.Contains(m.ChairUnitId.Value))
            || m.Attendees.Any(a => a.UnitId != null && ScopeUnitIds.Contains(a.UnitId.Value)));
        b.Entity<Modules.CoBuilding.Domain.Resource>().HasQueryFilter(DataScope.FilterName, r =>
            ScopeUnrestricted || ScopePrefixes.Any(p => r.AreaCode.StartsWith(p)) || ScopeUnitIds.Contains(r.UnitId));
        b.Entity<Modules.CoBuilding.Domain.Need>().HasQueryFilter(DataScope.FilterName, n =>
            ScopeUnrestricted || ScopePrefixes.Any(p => n.AreaCode.StartsWith(p))
            || (n.ClaimedByUnitId != null && ScopeUnitIds.Contains(n.ClaimedByUnitId.Value))
            || AllianceMembers.Any(m => ScopeUnitIds.Contains(m.UnitId) && n.AreaCode.StartsWith(m.AreaPrefix)));
        b.Entity<Modules.CoBuilding.Domain.Project>().HasQueryFilter(DataScope.FilterName, p =>
            ScopeUnrestricted || ScopePrefixes.Any(x => p.AreaCode.StartsWith(x))
            || (p.ClaimedByUnitId != null && ScopeUnitIds.Contains(p.ClaimedByUnitId.Value))
            || AllianceMembers.Any(m => ScopeUnitIds.Contains(m.UnitId) && p.AreaCode.StartsWith(m.AreaPrefix)));
        b.Entity<Modules.CoBuilding.Domain.Contract>().HasQueryFilter(DataScope.FilterName, c =>
            ScopeUnrestricted || ScopePrefixes.Any(p => c.AreaCode.StartsWith(p)) || ScopeUnitIds.Contains(c.UnitId));
    }

    void ScopeByArea<T>(ModelBuilder b) where T : class, IScoped =>
        b.Entity<T>().HasQueryFilter(DataScope.FilterName, e =>
            ScopeUnrestricted || ScopePrefixes.Any(p => e.AreaCode.StartsWith(p)));
}

/// <summary>The SQLite model and its migrations (Persistence/Migrations/Sqlite).</summary>
public sealed class SqliteCivicGridDbContext(DbContextOptions<SqliteCivicGridDbContext> options) : CivicGridDbContext(options)
{
    // SQLite cannot compare or order DateTimeOffset text; every instant we store is UTC, so stored ticks order correctly.
    protected override void ConfigureConventions(ModelConfigurationBuilder conventions) =>
        conventions.Properties<DateTimeOffset>().HaveConversion<Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter>();
}

/// <summary>The PostgreSQL + PostGIS model and its migrations (Persistence/Migrations/Postgres).</summary>
public sealed class PostgresCivicGridDbContext(DbContextOptions<PostgresCivicGridDbContext> options) : CivicGridDbContext(options);

public static class DbContextScopes
{
    /// <summary>Limits the context's queries to <paramref name="scope"/> (read at every query) until it is disposed.</summary>
    public static T WithScope<T>(this T db, ScopeSource scope) where T : CivicGridDbContext
    {
        db.UseScope(scope);
        return db;
    }

    public static T WithScope<T>(this T db, DataScope scope) where T : CivicGridDbContext => db.WithScope(ScopeSource.Fixed(scope));
}
