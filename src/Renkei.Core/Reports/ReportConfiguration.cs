using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Renkei.Directory;
using Renkei.Identity;
using Renkei.Storage;

namespace Renkei.Reports;

internal sealed class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> b)
    {
        b.ToTable("reports");
        b.HasKey(x => x.Id);
        b.Property(x => x.ViaCeptoarCode).HasMaxLength(64);
        b.Property(x => x.SectorCode).HasMaxLength(64);
        b.Property(x => x.BusinessScopeCode).HasMaxLength(64);
        b.Property(x => x.ThreatCategory).HasMaxLength(64);
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.Content).HasConversion(ReportJson.Converter, ReportJson.Comparer);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.ReportingOrganisation).WithMany().HasForeignKey(x => x.ReportingOrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<RenkeiUser>().WithMany().HasForeignKey(x => x.ReporterUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.AnonymityHolderId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.ViaAgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Ceptoar>().WithMany().HasForeignKey(x => x.ViaCeptoarCode).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Versions).WithOne().HasForeignKey(v => v.ReportId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Hops).WithOne().HasForeignKey(h => h.ReportId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.ReportingOrganisationId);
        b.HasIndex(x => new { x.SectorCode, x.Kind });
        b.HasIndex(x => x.SubmittedAt);
        b.HasIndex(x => x.State);
        b.Property(x => x.VerificationReason).HasMaxLength(1000);
        b.Property(x => x.VerificationRuleCode).HasMaxLength(64);
        b.HasIndex(x => new { x.VerificationExceeded, x.SubmittedAt });
        b.Property(x => x.DeskVerificationFacts).HasConversion(JsonColumn<List<DeskVerificationFact>>.Converter, JsonColumn<List<DeskVerificationFact>>.Comparer);
    }
}

internal sealed class ReportVersionConfiguration : IEntityTypeConfiguration<ReportVersion>
{
    public void Configure(EntityTypeBuilder<ReportVersion> b)
    {
        b.ToTable("report_versions");
        b.HasKey(x => new { x.ReportId, x.Number });
        b.Property(x => x.Content).HasConversion(ReportJson.Converter, ReportJson.Comparer);
    }
}

internal sealed class ReportHopConfiguration : IEntityTypeConfiguration<ReportHop>
{
    public void Configure(EntityTypeBuilder<ReportHop> b)
    {
        b.ToTable("report_hops");
        b.HasKey(x => new { x.ReportId, x.Ordinal });
        b.Property(x => x.Annotation).HasMaxLength(4000);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.RecipientOrganisationId).OnDelete(DeleteBehavior.Restrict);
        // The access policy finds reports through the hops addressed to the caller's organisation.
        b.HasIndex(x => new { x.RecipientOrganisationId, x.ReceivedAt });
    }
}

internal sealed class VerificationRuleConfiguration : IEntityTypeConfiguration<VerificationRule>
{
    public void Configure(EntityTypeBuilder<VerificationRule> b)
    {
        b.ToTable("verification_rules");
        b.HasKey(x => x.Code);
        b.Property(x => x.Code).HasMaxLength(64);
        b.Property(x => x.SectorCode).HasMaxLength(64);
        b.Property(x => x.Scopes).HasMaxLength(400);
        b.Property(x => x.DescriptionJa).HasMaxLength(1000);
        b.Property(x => x.DescriptionEn).HasMaxLength(1000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.ScopeList);
        b.HasOne<Sector>().WithMany().HasForeignKey(x => x.SectorCode).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.SectorCode);
    }
}

internal sealed class DeadlineRuleConfiguration : IEntityTypeConfiguration<DeadlineRule>
{
    public void Configure(EntityTypeBuilder<DeadlineRule> b)
    {
        b.ToTable("deadline_rules");
        b.HasKey(x => x.Code);
        b.Property(x => x.Code).HasMaxLength(64);
        b.Property(x => x.DescriptionJa).HasMaxLength(1000);
        b.Property(x => x.DescriptionEn).HasMaxLength(1000);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class ReportAssessmentConfiguration : IEntityTypeConfiguration<ReportAssessment>
{
    public void Configure(EntityTypeBuilder<ReportAssessment> b)
    {
        b.ToTable("report_assessments");
        b.HasKey(x => new { x.ReportId, x.Number });
        b.Property(x => x.Reason).HasMaxLength(2000);
        b.HasOne<Report>().WithMany().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReportMessageConfiguration : IEntityTypeConfiguration<ReportMessage>
{
    public void Configure(EntityTypeBuilder<ReportMessage> b)
    {
        b.ToTable("report_messages");
        b.HasKey(x => x.Id);
        b.Property(x => x.Body).HasMaxLength(8000);
        b.HasOne<Report>().WithMany().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.AuthorOrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.ReportId, x.CreatedAt });
    }
}

internal sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> b)
    {
        b.ToTable("incidents");
        b.HasKey(x => x.Id);
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.Summary).HasMaxLength(8000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OwnerOrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Reports).WithOne().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.CreatedAt);
    }
}

internal sealed class IncidentReportConfiguration : IEntityTypeConfiguration<IncidentReport>
{
    public void Configure(EntityTypeBuilder<IncidentReport> b)
    {
        b.ToTable("incident_reports");
        b.HasKey(x => new { x.IncidentId, x.ReportId });
        b.HasOne<Report>().WithMany().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.ReportId);
    }
}
