using CivicGrid.Modules.Areas.Domain;
using CivicGrid.Modules.Audit;
using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Modules.People.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.Persistence;

sealed class AreaConfiguration : IEntityTypeConfiguration<Area>
{
    public void Configure(EntityTypeBuilder<Area> e)
    {
        e.Property(a => a.AreaCode).HasMaxLength(15);
        e.HasIndex(a => a.AreaCode).IsUnique();
        e.HasIndex(a => a.ParentCode);
        e.Property(a => a.ParentCode).HasMaxLength(15);
        e.Property(a => a.Name).HasMaxLength(100);
        e.Property(a => a.Version).IsConcurrencyToken();
        e.Ignore(a => a.Code);
        e.Ignore(a => a.IsRetired);
    }
}

sealed class CompoundConfiguration : IEntityTypeConfiguration<Compound>
{
    public void Configure(EntityTypeBuilder<Compound> e)
    {
        e.Property(x => x.AreaCode).HasMaxLength(15);
        e.HasIndex(x => x.AreaCode);
        e.Property(x => x.Name).HasMaxLength(100);
    }
}

sealed class BuildingConfiguration : IEntityTypeConfiguration<Building>
{
    public void Configure(EntityTypeBuilder<Building> e)
    {
        e.Property(x => x.AreaCode).HasMaxLength(15);
        e.HasIndex(x => x.AreaCode);
        e.HasOne<Compound>().WithMany().HasForeignKey(x => x.CompoundId);
    }
}

sealed class HouseholdConfiguration : IEntityTypeConfiguration<Household>
{
    public void Configure(EntityTypeBuilder<Household> e)
    {
        e.Property(x => x.AreaCode).HasMaxLength(15);
        e.HasIndex(x => x.AreaCode);
        e.HasOne<Building>().WithMany().HasForeignKey(x => x.BuildingId);
        e.HasIndex(x => new { x.BuildingId, x.UnitNo, x.RoomNo });
        e.Property(x => x.Version).IsConcurrencyToken();
    }
}

sealed class ResidentConfiguration : IEntityTypeConfiguration<Resident>
{
    public void Configure(EntityTypeBuilder<Resident> e)
    {
        e.Property(x => x.AreaCode).HasMaxLength(15);
        e.HasIndex(x => x.AreaCode);
        e.HasIndex(x => x.IdCardHash).IsUnique();
        e.HasIndex(x => x.PhoneHash);
        e.HasIndex(x => x.Name);
        e.HasIndex(x => x.HouseholdId);
        e.HasOne<Household>().WithMany().HasForeignKey(x => x.HouseholdId);
        e.Property(x => x.Name).HasMaxLength(50);
        e.Property(x => x.Version).IsConcurrencyToken();
    }
}

sealed class VehicleConfiguration : IEntityTypeConfiguration<Vehicle>
{
    public void Configure(EntityTypeBuilder<Vehicle> e)
    {
        e.HasIndex(x => x.AreaCode);
        e.HasIndex(x => x.PlateNumber);
    }
}

sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> e) => e.HasIndex(x => x.AreaCode);
}

sealed class PartyOrganisationConfiguration : IEntityTypeConfiguration<PartyOrganisation>
{
    public void Configure(EntityTypeBuilder<PartyOrganisation> e)
    {
        e.HasIndex(x => x.AreaCode);
        e.HasIndex(x => x.ParentId);
    }
}

sealed class PartyMemberConfiguration : IEntityTypeConfiguration<PartyMember>
{
    public void Configure(EntityTypeBuilder<PartyMember> e)
    {
        e.HasIndex(x => x.AreaCode);
        e.HasIndex(x => x.PartyOrganisationId);
    }
}

sealed class PersonalDataAccessConfiguration : IEntityTypeConfiguration<PersonalDataAccess>
{
    public void Configure(EntityTypeBuilder<PersonalDataAccess> e)
    {
        e.HasIndex(x => x.ResidentId);
        e.HasIndex(x => x.AreaCode);
    }
}

sealed class AccountScopeConfiguration : IEntityTypeConfiguration<AccountScope>
{
    public void Configure(EntityTypeBuilder<AccountScope> e)
    {
        e.HasIndex(x => x.AccountId);
        e.HasOne<Account>().WithMany(a => a.Scopes).HasForeignKey(x => x.AccountId);
    }
}

sealed class OperationLogConfiguration : IEntityTypeConfiguration<OperationLogEntry>
{
    public void Configure(EntityTypeBuilder<OperationLogEntry> e)
    {
        e.HasIndex(x => x.At);
        e.Property(x => x.Endpoint).HasMaxLength(300);
    }
}

sealed class ImportJobConfiguration : IEntityTypeConfiguration<ImportJob>
{
    public void Configure(EntityTypeBuilder<ImportJob> e)
    {
        e.HasIndex(x => x.Status);
        e.Property(x => x.RunId).IsConcurrencyToken();
        e.Property(x => x.AccountName).HasMaxLength(256);
        e.Property(x => x.FileName).HasMaxLength(260);
        e.Property(x => x.FailureReason).HasMaxLength(500);
        e.Ignore(x => x.Scope);
        e.Ignore(x => x.IsFinished);
    }
}

sealed class ImportFileConfiguration : IEntityTypeConfiguration<ImportFile>
{
    public void Configure(EntityTypeBuilder<ImportFile> e)
    {
        e.HasKey(x => x.JobId);
        e.HasOne<ImportJob>().WithOne().HasForeignKey<ImportFile>(x => x.JobId).OnDelete(DeleteBehavior.Cascade);
    }
}
