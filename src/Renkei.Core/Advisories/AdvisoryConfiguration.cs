using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Renkei.Audit;
using Renkei.Directory;
using Renkei.Identity;
using Renkei.Storage;

namespace Renkei.Advisories;

internal sealed class AdvisoryConfiguration : IEntityTypeConfiguration<Advisory>
{
    public void Configure(EntityTypeBuilder<Advisory> b)
    {
        b.ToTable("advisories");
        b.HasKey(x => x.Id);
        b.Property(x => x.Content).HasConversion(JsonColumn<AdvisoryContent>.Converter, JsonColumn<AdvisoryContent>.Comparer);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.Audience).WithMany().HasForeignKey(x => x.AudienceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OwnerOrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<RenkeiUser>().WithMany().HasForeignKey(x => x.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.OwnerOrganisationId);
        b.HasIndex(x => x.CreatedByUserId);
        b.HasIndex(x => x.AudienceId);
        b.HasIndex(x => new { x.State, x.PublishedAt });
    }
}

internal sealed class AdvisoryRevisionConfiguration : IEntityTypeConfiguration<AdvisoryRevision>
{
    public void Configure(EntityTypeBuilder<AdvisoryRevision> b)
    {
        b.ToTable("advisory_revisions");
        b.HasKey(x => new { x.AdvisoryId, x.Number });
        b.Property(x => x.Content).HasConversion(JsonColumn<AdvisoryContent>.Converter, JsonColumn<AdvisoryContent>.Comparer);
        b.Property(x => x.ChangeNote).HasMaxLength(AdvisoryValidator.MaxChangeNote);
        b.HasOne<Advisory>().WithMany().HasForeignKey(x => x.AdvisoryId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<RenkeiUser>().WithMany().HasForeignKey(x => x.PublishedByUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.PublishedByUserId);
    }
}

internal sealed class AdvisoryDeliveryConfiguration : IEntityTypeConfiguration<AdvisoryDelivery>
{
    public void Configure(EntityTypeBuilder<AdvisoryDelivery> b)
    {
        b.ToTable("advisory_deliveries");
        b.HasKey(x => new { x.AdvisoryId, x.OrganisationId });
        // Thousands of rows per publish: written in bulk with one audit event for the publish;
        // reads, acknowledgements and responses are audited as events of their own.
        b.HasAnnotation(AuditChanges.NotAudited, true);
        b.Property(x => x.ResponseNote).HasMaxLength(AdvisoryValidator.MaxResponseNote);
        b.Property(x => x.RelayNote).HasMaxLength(AdvisoryValidator.MaxResponseNote);
        b.Property(x => x.HoldReason).HasMaxLength(AdvisoryValidator.MaxChangeNote);
        b.HasOne<Advisory>().WithMany().HasForeignKey(x => x.AdvisoryId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.OrganisationId);
    }
}
