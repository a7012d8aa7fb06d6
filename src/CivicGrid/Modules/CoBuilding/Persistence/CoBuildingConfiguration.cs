using CivicGrid.Modules.CoBuilding.Domain;
using CivicGrid.Modules.People.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.Modules.CoBuilding.Persistence;

// Tables carry the module's prefix: Resource, Need, Project and Contract are words other modules may want too.

sealed class AllianceConfiguration : IEntityTypeConfiguration<Alliance>
{
    public void Configure(EntityTypeBuilder<Alliance> e)
    {
        e.ToTable("CoBuildingAlliances");
        e.Property(x => x.AreaCode).HasMaxLength(15);
        e.HasIndex(x => x.AreaCode);
        e.Property(x => x.Name).HasMaxLength(100);
        e.HasMany(x => x.Members).WithOne().HasForeignKey(m => m.AllianceId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Committee).WithOne().HasForeignKey(m => m.AllianceId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class AllianceMemberConfiguration : IEntityTypeConfiguration<AllianceMember>
{
    public void Configure(EntityTypeBuilder<AllianceMember> e)
    {
        e.ToTable("CoBuildingAllianceMembers");
        e.HasIndex(x => new { x.AllianceId, x.UnitId }).IsUnique();
        e.HasIndex(x => x.UnitId);
        e.Property(x => x.AreaPrefix).HasMaxLength(15);
        e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.UnitId);
    }
}

sealed class CommitteeMemberConfiguration : IEntityTypeConfiguration<CommitteeMember>
{
    public void Configure(EntityTypeBuilder<CommitteeMember> e)
    {
        e.ToTable("CoBuildingCommitteeMembers");
        e.Property(x => x.Name).HasMaxLength(50);
        e.Property(x => x.Post).HasMaxLength(50);
        e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.UnitId);
    }
}

sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> e)
    {
        e.ToTable("CoBuildingMeetings");
        e.Property(x => x.AreaCode).HasMaxLength(15);
        e.HasIndex(x => new { x.AreaCode, x.At });
        e.HasIndex(x => new { x.AllianceId, x.At });
        e.Property(x => x.Topic).HasMaxLength(200);
        e.Property(x => x.Place).HasMaxLength(200);
        e.Property(x => x.ChairName).HasMaxLength(50);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<Alliance>().WithMany().HasForeignKey(x => x.AllianceId);
        e.HasMany(x => x.Attendees).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.FollowUps).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class MeetingAttendeeConfiguration : IEntityTypeConfiguration<MeetingAttendee>
{
    public void Configure(EntityTypeBuilder<MeetingAttendee> e)
    {
        e.ToTable("CoBuildingMeetingAttendees");
        e.Property(x => x.Name).HasMaxLength(50);
        e.HasIndex(x => x.UnitId);
    }
}

sealed class MeetingFollowUpConfiguration : IEntityTypeConfiguration<MeetingFollowUp>
{
    public void Configure(EntityTypeBuilder<MeetingFollowUp> e)
    {
        e.ToTable("CoBuildingMeetingFollowUps");
        e.Property(x => x.Text).HasMaxLength(1000);
        e.Property(x => x.CaseNumber).HasMaxLength(32);
        e.HasIndex(x => x.CaseId); // a case page asks for the meeting that opened it
    }
}

sealed class ResourceConfiguration : IEntityTypeConfiguration<Resource>
{
    public void Configure(EntityTypeBuilder<Resource> e)
    {
        e.ToTable("CoBuildingResources");
        e.Property(x => x.AreaCode).HasMaxLength(15);
        e.HasIndex(x => x.AreaCode);
        e.HasIndex(x => new { x.UnitId, x.Withdrawn });
        e.HasIndex(x => new { x.Category, x.Withdrawn });
        e.Property(x => x.Category).HasMaxLength(20);
        e.Property(x => x.Title).HasMaxLength(100);
        e.Property(x => x.Capacity).HasMaxLength(100);
        e.Property(x => x.Address).HasMaxLength(200);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.UnitId);
    }
}

sealed class NeedConfiguration : IEntityTypeConfiguration<Need>
{
    public void Configure(EntityTypeBuilder<Need> e)
    {
        e.ToTable("CoBuildingNeeds");
        e.Property(x => x.AreaCode).HasMaxLength(15);
        e.HasIndex(x => new { x.AreaCode, x.Status });
        e.HasIndex(x => x.ClaimedByUnitId);
        e.HasIndex(x => new { x.Category, x.Status });
        e.Property(x => x.Category).HasMaxLength(20);
        e.Property(x => x.Title).HasMaxLength(100);
        e.Property(x => x.Address).HasMaxLength(200);
        e.Property(x => x.ClaimNote).HasMaxLength(500);
        e.Property(x => x.DeclineReason).HasMaxLength(500);
        e.Property(x => x.Version).IsConcurrencyToken();
    }
}

sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> e)
    {
        e.ToTable("CoBuildingProjects");
        e.Property(x => x.AreaCode).HasMaxLength(15);
        e.HasIndex(x => new { x.AreaCode, x.Year });
        e.HasIndex(x => x.ClaimedByUnitId);
        e.Property(x => x.Title).HasMaxLength(100);
        e.Property(x => x.Category).HasMaxLength(20);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasMany(x => x.Milestones).WithOne().HasForeignKey(m => m.ProjectId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Entries).WithOne().HasForeignKey(m => m.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class MilestoneConfiguration : IEntityTypeConfiguration<Milestone>
{
    public void Configure(EntityTypeBuilder<Milestone> e)
    {
        e.ToTable("CoBuildingMilestones");
        e.Property(x => x.Title).HasMaxLength(100);
        // The sweep looks for undone, unflagged milestones past due.
        e.HasIndex(x => new { x.DoneAt, x.LateFlaggedAt, x.Due });
    }
}

sealed class ProjectEntryConfiguration : IEntityTypeConfiguration<ProjectEntry>
{
    public void Configure(EntityTypeBuilder<ProjectEntry> e)
    {
        e.ToTable("CoBuildingProjectEntries");
        e.Property(x => x.Text).HasMaxLength(2000);
        e.Property(x => x.ByName).HasMaxLength(50);
        e.HasMany(x => x.Photos).WithOne().HasForeignKey(p => p.EntryId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class ProjectPhotoConfiguration : IEntityTypeConfiguration<ProjectPhoto>
{
    public void Configure(EntityTypeBuilder<ProjectPhoto> e)
    {
        e.ToTable("CoBuildingProjectPhotos");
        e.Property(x => x.FileName).HasMaxLength(200);
        e.Property(x => x.ContentType).HasMaxLength(100);
        e.Property(x => x.StorageKey).HasMaxLength(200);
    }
}

sealed class ContractConfiguration : IEntityTypeConfiguration<Contract>
{
    public void Configure(EntityTypeBuilder<Contract> e)
    {
        e.ToTable("CoBuildingContracts");
        e.Property(x => x.AreaCode).HasMaxLength(15);
        e.HasIndex(x => new { x.AreaCode, x.UnitId, x.SignedOn });
        e.HasIndex(x => x.UnitId);
        e.Property(x => x.Title).HasMaxLength(100);
        e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.UnitId);
    }
}
