using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Renkei.Directory;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> b)
    {
        b.ToTable("organisations");
        b.HasKey(x => x.Id);
        b.Property(x => x.Code).HasMaxLength(64);
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.NameJa).HasMaxLength(200);
        b.Property(x => x.NameEn).HasMaxLength(200);
        b.Property(x => x.SectorCode).HasMaxLength(64);
        b.Property(x => x.BusinessScopeCode).HasMaxLength(64);
        b.Property(x => x.Website).HasMaxLength(400);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.Sector).WithMany().HasForeignKey(x => x.SectorCode).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.BusinessScope).WithMany().HasForeignKey(x => x.BusinessScopeCode).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.SectorCode);
        b.HasIndex(x => x.BusinessScopeCode);
        b.HasIndex(x => x.NameJa);
    }
}

internal sealed class PointOfContactConfiguration : IEntityTypeConfiguration<PointOfContact>
{
    public void Configure(EntityTypeBuilder<PointOfContact> b)
    {
        b.ToTable("points_of_contact");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Email).HasMaxLength(254);
        b.Property(x => x.Phone).HasMaxLength(40);
        b.Property(x => x.Hours).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.Organisation).WithMany(o => o.Contacts).HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.OrganisationId);
    }
}

internal sealed class SectorConfiguration : IEntityTypeConfiguration<Sector>
{
    public void Configure(EntityTypeBuilder<Sector> b)
    {
        b.ToTable("sectors");
        b.HasKey(x => x.Code);
        b.Property(x => x.Code).HasMaxLength(64);
        b.Property(x => x.NameJa).HasMaxLength(200);
        b.Property(x => x.NameEn).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.Ministry).WithMany().HasForeignKey(x => x.MinistryId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.MinistryId);
    }
}

internal sealed class BusinessScopeConfiguration : IEntityTypeConfiguration<BusinessScope>
{
    public void Configure(EntityTypeBuilder<BusinessScope> b)
    {
        b.ToTable("business_scopes");
        b.HasKey(x => x.Code);
        b.Property(x => x.Code).HasMaxLength(64);
        b.Property(x => x.SectorCode).HasMaxLength(64);
        b.Property(x => x.NameJa).HasMaxLength(200);
        b.Property(x => x.NameEn).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.Sector).WithMany(s => s.BusinessScopes).HasForeignKey(x => x.SectorCode).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.SectorCode);
    }
}

internal sealed class CeptoarConfiguration : IEntityTypeConfiguration<Ceptoar>
{
    public void Configure(EntityTypeBuilder<Ceptoar> b)
    {
        b.ToTable("ceptoars");
        b.HasKey(x => x.Code);
        b.Property(x => x.Code).HasMaxLength(64);
        b.Property(x => x.NameJa).HasMaxLength(200);
        b.Property(x => x.NameEn).HasMaxLength(200);
        b.Property(x => x.SectorCode).HasMaxLength(64);
        b.Property(x => x.BusinessScopeCode).HasMaxLength(64);
        b.Property(x => x.ExtraRecipientsNoteJa).HasMaxLength(200);
        b.Property(x => x.ExtraRecipientsNoteEn).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.Sector).WithMany(s => s.Ceptoars).HasForeignKey(x => x.SectorCode).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.BusinessScope).WithMany().HasForeignKey(x => x.BusinessScopeCode).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.SectorCode);
        b.HasIndex(x => x.BusinessScopeCode);
    }
}

internal sealed class CeptoarMemberFigureConfiguration : IEntityTypeConfiguration<CeptoarMemberFigure>
{
    public void Configure(EntityTypeBuilder<CeptoarMemberFigure> b)
    {
        b.ToTable("ceptoar_member_figures");
        b.HasKey(x => new { x.CeptoarCode, x.Ordinal });
        b.Property(x => x.CeptoarCode).HasMaxLength(64);
        b.HasOne<Ceptoar>().WithMany(c => c.MemberFigures).HasForeignKey(x => x.CeptoarCode).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CeptoarMembershipConfiguration : IEntityTypeConfiguration<CeptoarMembership>
{
    public void Configure(EntityTypeBuilder<CeptoarMembership> b)
    {
        b.ToTable("ceptoar_memberships");
        b.HasKey(x => new { x.CeptoarCode, x.OrganisationId });
        b.Property(x => x.CeptoarCode).HasMaxLength(64);
        b.Property(x => x.Unit).HasMaxLength(200);
        b.HasOne(x => x.Ceptoar).WithMany(c => c.Memberships).HasForeignKey(x => x.CeptoarCode).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Organisation).WithMany(o => o.CeptoarMemberships).HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.OrganisationId);
    }
}

internal sealed class CeptoarRecipientConfiguration : IEntityTypeConfiguration<CeptoarRecipient>
{
    public void Configure(EntityTypeBuilder<CeptoarRecipient> b)
    {
        b.ToTable("ceptoar_recipients");
        b.HasKey(x => new { x.CeptoarCode, x.OrganisationId });
        b.Property(x => x.CeptoarCode).HasMaxLength(64);
        b.HasOne(x => x.Ceptoar).WithMany().HasForeignKey(x => x.CeptoarCode).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Organisation).WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.OrganisationId);
    }
}

internal sealed class CommunityConfiguration : IEntityTypeConfiguration<Community>
{
    public void Configure(EntityTypeBuilder<Community> b)
    {
        b.ToTable("communities");
        b.HasKey(x => x.Code);
        b.Property(x => x.Code).HasMaxLength(64);
        b.Property(x => x.NameJa).HasMaxLength(200);
        b.Property(x => x.NameEn).HasMaxLength(200);
        b.Property(x => x.DescriptionJa).HasMaxLength(2000);
        b.Property(x => x.DescriptionEn).HasMaxLength(2000);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class CommunityMembershipConfiguration : IEntityTypeConfiguration<CommunityMembership>
{
    public void Configure(EntityTypeBuilder<CommunityMembership> b)
    {
        b.ToTable("community_memberships");
        b.HasKey(x => new { x.CommunityCode, x.OrganisationId });
        b.Property(x => x.CommunityCode).HasMaxLength(64);
        b.HasOne(x => x.Community).WithMany(c => c.Memberships).HasForeignKey(x => x.CommunityCode).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Organisation).WithMany(o => o.CommunityMemberships).HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.OrganisationId);
    }
}
