using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Renkei.Directory;
using Renkei.Identity;
using Renkei.Storage;

namespace Renkei.Standards;

internal sealed class SafetyStandardConfiguration : IEntityTypeConfiguration<SafetyStandard>
{
    public void Configure(EntityTypeBuilder<SafetyStandard> b)
    {
        b.ToTable("safety_standards");
        b.HasKey(x => x.Id);
        b.Property(x => x.Code).HasMaxLength(64);
        b.Property(x => x.SectorCode).HasMaxLength(64);
        b.Property(x => x.BusinessScopeCode).HasMaxLength(64);
        b.Property(x => x.Kind).HasConversion<EnumTextConverter<StandardKind>>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<EnumTextConverter<StandardStatus>>().HasMaxLength(20);
        b.Property(x => x.TitleJa).HasMaxLength(500);
        b.Property(x => x.TitleEn).HasMaxLength(500);
        b.Property(x => x.IssuerName).HasMaxLength(300);
        b.Property(x => x.Edition).HasMaxLength(100);
        b.Property(x => x.Url).HasMaxLength(2000);
        b.Property(x => x.Notes).HasMaxLength(8000);
        b.Property(x => x.Seed).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Sector>().WithMany().HasForeignKey(x => x.SectorCode).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<BusinessScope>().WithMany().HasForeignKey(x => x.BusinessScopeCode).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.IssuerOrganisationId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OwnerOrganisationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<RenkeiUser>().WithMany().HasForeignKey(x => x.UpdatedByUserId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => x.Code).IsUnique();
        b.HasIndex(x => new { x.SectorCode, x.Kind });
        b.HasIndex(x => x.BusinessScopeCode);
        b.HasIndex(x => x.IssuerOrganisationId);
        b.HasIndex(x => x.OwnerOrganisationId);
        b.HasIndex(x => x.UpdatedByUserId);
    }
}

internal sealed class SafetyStandardRelationConfiguration : IEntityTypeConfiguration<SafetyStandardRelation>
{
    public void Configure(EntityTypeBuilder<SafetyStandardRelation> b)
    {
        b.ToTable("safety_standard_relations");
        b.HasKey(x => x.Id);
        b.Property(x => x.Kind).HasConversion<EnumTextConverter<StandardRelationKind>>().HasMaxLength(20);
        b.HasOne<SafetyStandard>().WithMany().HasForeignKey(x => x.FromId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<SafetyStandard>().WithMany().HasForeignKey(x => x.ToId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<RenkeiUser>().WithMany().HasForeignKey(x => x.CreatedByUserId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => new { x.FromId, x.ToId, x.Kind }).IsUnique();
        b.HasIndex(x => x.ToId);
        b.HasIndex(x => x.CreatedByUserId);
    }
}
