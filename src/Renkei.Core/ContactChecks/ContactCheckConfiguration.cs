using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Renkei.Audit;
using Renkei.Directory;
using Renkei.Identity;
using Renkei.Storage;

namespace Renkei.ContactChecks;

// Contact checks are audited as events (create, send, cancel: AuditTrail), not row by row: a round
// writes a target per point of contact, and confirmations arrive by the thousand.

internal sealed class ContactCheckConfiguration : IEntityTypeConfiguration<ContactCheck>
{
    public void Configure(EntityTypeBuilder<ContactCheck> b)
    {
        b.ToTable("contact_checks");
        b.HasAnnotation(AuditChanges.NotAudited, true);
        b.HasKey(x => x.Id);
        b.Property(x => x.Title).HasMaxLength(ContactCheckInput.MaxTitle);
        b.Property(x => x.Message).HasMaxLength(ContactCheckInput.MaxMessage);
        b.Property(x => x.Schedule).HasConversion<EnumTextConverter<ContactCheckSchedule>>().HasMaxLength(20);
        b.HasOne(x => x.Audience).WithMany().HasForeignKey(x => x.AudienceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OwnerOrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<RenkeiUser>().WithMany().HasForeignKey(x => x.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.OwnerOrganisationId);
        b.HasIndex(x => x.CreatedByUserId);
        b.HasIndex(x => x.AudienceId);
        // The scheduler's query: what is due.
        b.HasIndex(x => x.NextRoundAt);
    }
}

internal sealed class ContactCheckRoundConfiguration : IEntityTypeConfiguration<ContactCheckRound>
{
    public void Configure(EntityTypeBuilder<ContactCheckRound> b)
    {
        b.ToTable("contact_check_rounds");
        b.HasAnnotation(AuditChanges.NotAudited, true);
        b.HasKey(x => x.Id);
        b.HasOne<ContactCheck>().WithMany().HasForeignKey(x => x.CheckId).OnDelete(DeleteBehavior.Cascade);
        // A second guard behind the claim: one round per number, whatever the hosts do.
        b.HasIndex(x => new { x.CheckId, x.Number }).IsUnique();
    }
}

internal sealed class ContactCheckTargetConfiguration : IEntityTypeConfiguration<ContactCheckTarget>
{
    public void Configure(EntityTypeBuilder<ContactCheckTarget> b)
    {
        b.ToTable("contact_check_targets");
        b.HasAnnotation(AuditChanges.NotAudited, true);
        b.HasKey(x => x.Id);
        b.Property(x => x.Email).HasMaxLength(320);
        b.Property(x => x.TokenHash).HasMaxLength(64);
        b.Property(x => x.ConfirmedVia).HasConversion<EnumTextConverter<ConfirmationChannel>>().HasMaxLength(20);
        b.HasOne<ContactCheckRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ContactCheck>().WithMany().HasForeignKey(x => x.CheckId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<PointOfContact>().WithMany().HasForeignKey(x => x.ContactId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => x.TokenHash).IsUnique();
        b.HasIndex(x => new { x.RoundId, x.OrganisationId });
        b.HasIndex(x => new { x.OrganisationId, x.CheckId });
        b.HasIndex(x => x.CheckId);
        b.HasIndex(x => x.ContactId);
    }
}
