using CivicGrid.Modules.Volunteering.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.Modules.Volunteering.Persistence;

sealed class DualRegistrationConfiguration : IEntityTypeConfiguration<DualRegistration>
{
    public void Configure(EntityTypeBuilder<DualRegistration> e)
    {
        e.Property(x => x.Id).ValueGeneratedNever(); // children added through a navigation are new rows
        e.Property(x => x.AreaCode).HasMaxLength(15);
        e.Property(x => x.Name).HasMaxLength(100);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => x.AreaCode);
        e.HasIndex(x => x.UnitId);
        e.HasIndex(x => x.AccountId);
        // One registration per party member; a unit registers once with each community (members of one employer
        // share a unit and a community, so the unit rule holds for unit rows only).
        e.HasIndex(x => x.PartyMemberId).IsUnique();
        e.HasIndex(x => new { x.Kind, x.UnitId, x.AreaCode });
        e.HasIndex(x => new { x.UnitId, x.AreaCode }, "IX_DualRegistrations_OneUnitPerCommunity")
            .IsUnique().HasFilter($"\"Kind\" = {(int)RegistrationKind.Unit}");
    }
}

sealed class VolunteerActivityConfiguration : IEntityTypeConfiguration<VolunteerActivity>
{
    public void Configure(EntityTypeBuilder<VolunteerActivity> e)
    {
        e.Property(x => x.Id).ValueGeneratedNever(); // children added through a navigation are new rows
        e.Property(x => x.AreaCode).HasMaxLength(15);
        e.Property(x => x.Title).HasMaxLength(200);
        e.Property(x => x.Description).HasMaxLength(2000);
        e.Property(x => x.Address).HasMaxLength(300);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => x.StartsAt);
        e.HasIndex(x => x.AreaCode);
        e.HasMany(x => x.Signups).WithOne().HasForeignKey(s => s.ActivityId);
    }
}

sealed class ActivitySignupConfiguration : IEntityTypeConfiguration<ActivitySignup>
{
    public void Configure(EntityTypeBuilder<ActivitySignup> e)
    {
        e.Property(x => x.Id).ValueGeneratedNever(); // children added through a navigation are new rows
        e.Property(x => x.AreaCode).HasMaxLength(15);
        e.Property(x => x.Name).HasMaxLength(100);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => new { x.ActivityId, x.AccountId }).IsUnique();
        e.HasIndex(x => x.AccountId);
        e.HasIndex(x => x.EmployerId);
        e.HasMany(x => x.Corrections).WithOne().HasForeignKey(c => c.SignupId);
    }
}

sealed class HoursCorrectionConfiguration : IEntityTypeConfiguration<HoursCorrection>
{
    public void Configure(EntityTypeBuilder<HoursCorrection> e)
    {
        e.Property(x => x.Id).ValueGeneratedNever(); // children added through a navigation are new rows
        e.Property(x => x.ByName).HasMaxLength(100);
        e.Property(x => x.Reason).HasMaxLength(500);
    }
}

sealed class VolunteerNoticeConfiguration : IEntityTypeConfiguration<VolunteerNotice>
{
    public void Configure(EntityTypeBuilder<VolunteerNotice> e)
    {
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.AreaCode).HasMaxLength(15);
        e.Property(x => x.Title).HasMaxLength(200);
        e.Property(x => x.Text).HasMaxLength(500);
        e.HasIndex(x => new { x.AccountId, x.ReadAt });
    }
}

sealed class MicroWishConfiguration : IEntityTypeConfiguration<MicroWish>
{
    public void Configure(EntityTypeBuilder<MicroWish> e)
    {
        e.Property(x => x.Id).ValueGeneratedNever(); // children added through a navigation are new rows
        e.Property(x => x.AreaCode).HasMaxLength(15);
        e.Property(x => x.Title).HasMaxLength(200);
        e.Property(x => x.Description).HasMaxLength(2000);
        e.Property(x => x.ClaimedByName).HasMaxLength(100);
        e.Property(x => x.FulfilmentNote).HasMaxLength(2000);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.Ignore(x => x.CommunityCode);
        e.HasIndex(x => new { x.Status, x.AreaCode });
        e.HasIndex(x => x.ClaimedByAccountId);
        e.HasMany(x => x.Photos).WithOne().HasForeignKey(p => p.WishId);
    }
}

sealed class WishPhotoConfiguration : IEntityTypeConfiguration<WishPhoto>
{
    public void Configure(EntityTypeBuilder<WishPhoto> e)
    {
        e.Property(x => x.Id).ValueGeneratedNever(); // children added through a navigation are new rows
        e.Property(x => x.FileName).HasMaxLength(200);
        e.Property(x => x.ContentType).HasMaxLength(50);
        e.Property(x => x.StorageKey).HasMaxLength(100);
    }
}
