using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Renkei.Access;
using Renkei.Directory;
using Renkei.Identity;
using Renkei.Storage;

namespace Renkei.Assessments;

internal sealed class AssessmentFrameworkConfiguration : IEntityTypeConfiguration<AssessmentFramework>
{
    public void Configure(EntityTypeBuilder<AssessmentFramework> b)
    {
        b.ToTable("assessment_frameworks");
        b.HasKey(x => x.Id);
        b.Property(x => x.Code).HasMaxLength(64);
        b.Property(x => x.TitleJa).HasMaxLength(300);
        b.Property(x => x.TitleEn).HasMaxLength(300);
        b.Property(x => x.Seed).HasMaxLength(300);
        b.HasIndex(x => new { x.Code, x.Version }).IsUnique();
        b.HasMany(x => x.Items).WithOne().HasForeignKey(x => x.FrameworkId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<RenkeiUser>().WithMany().HasForeignKey(x => x.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.CreatedByUserId);
    }
}

internal sealed class AssessmentItemConfiguration : IEntityTypeConfiguration<AssessmentItem>
{
    public void Configure(EntityTypeBuilder<AssessmentItem> b)
    {
        b.ToTable("assessment_items");
        b.HasKey(x => x.Id);
        b.Property(x => x.Code).HasMaxLength(64);
        b.Property(x => x.ParentCode).HasMaxLength(64);
        b.Property(x => x.TextJa).HasMaxLength(2000);
        b.Property(x => x.TextEn).HasMaxLength(2000);
        b.Property(x => x.GuidanceJa).HasMaxLength(4000);
        b.Property(x => x.GuidanceEn).HasMaxLength(4000);
        b.Property(x => x.ConcreteJa).HasMaxLength(4000);
        b.Property(x => x.ConcreteEn).HasMaxLength(4000);
        b.Property(x => x.Seed).HasMaxLength(300);
        b.Property(x => x.Choices).HasConversion(JsonColumn<List<AssessmentChoice>>.Converter, JsonColumn<List<AssessmentChoice>>.Comparer);
        b.Property(x => x.Scores).HasConversion(JsonColumn<Dictionary<string, double>>.Converter, JsonColumn<Dictionary<string, double>>.Comparer);
        b.HasIndex(x => new { x.FrameworkId, x.Code }).IsUnique();
    }
}

internal sealed class AssessmentCampaignConfiguration : IEntityTypeConfiguration<AssessmentCampaign>
{
    public void Configure(EntityTypeBuilder<AssessmentCampaign> b)
    {
        b.ToTable("assessment_campaigns");
        b.HasKey(x => x.Id);
        b.Property(x => x.TitleJa).HasMaxLength(300);
        b.Property(x => x.TitleEn).HasMaxLength(300);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<AssessmentFramework>().WithMany().HasForeignKey(x => x.FrameworkId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OwnerOrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Audience>().WithMany().HasForeignKey(x => x.AudienceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<RenkeiUser>().WithMany().HasForeignKey(x => x.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.FrameworkId);
        b.HasIndex(x => x.OwnerOrganisationId);
        b.HasIndex(x => x.AudienceId);
        b.HasIndex(x => x.CreatedByUserId);
        b.HasOne<AssessmentCampaign>().WithMany().HasForeignKey(x => x.PreviousCampaignId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.PreviousCampaignId);
    }
}

internal sealed class AssessmentResponseConfiguration : IEntityTypeConfiguration<AssessmentResponse>
{
    public void Configure(EntityTypeBuilder<AssessmentResponse> b)
    {
        b.ToTable("assessment_responses");
        b.HasKey(x => x.Id);
        b.Property(x => x.SectorCode).HasMaxLength(64);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<AssessmentCampaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<RenkeiUser>().WithMany().HasForeignKey(x => x.ReviewedByUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.CampaignId, x.OrganisationId }).IsUnique();
        b.HasIndex(x => new { x.CampaignId, x.State, x.SectorCode });
        b.HasIndex(x => x.OrganisationId);
        b.HasIndex(x => x.ReviewedByUserId);
    }
}

internal sealed class AssessmentAnswerConfiguration : IEntityTypeConfiguration<AssessmentAnswer>
{
    public void Configure(EntityTypeBuilder<AssessmentAnswer> b)
    {
        b.ToTable("assessment_answers");
        b.HasKey(x => x.Id);
        b.Property(x => x.Value).HasMaxLength(8000);
        b.HasOne<AssessmentResponse>().WithMany().HasForeignKey(x => x.ResponseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AssessmentItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<RenkeiUser>().WithMany().HasForeignKey(x => x.UpdatedByUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.ResponseId, x.ItemId }).IsUnique();
        b.HasIndex(x => new { x.CampaignId, x.ItemId });
        b.HasIndex(x => x.ItemId);
        b.HasIndex(x => x.UpdatedByUserId);
    }
}

internal sealed class AssessmentAnswerKeyConfiguration : IEntityTypeConfiguration<AssessmentAnswerKey>
{
    public void Configure(EntityTypeBuilder<AssessmentAnswerKey> b)
    {
        b.ToTable("assessment_answer_keys");
        b.HasKey(x => new { x.AnswerId, x.Key });
        b.Property(x => x.Key).HasMaxLength(64);
        b.HasOne<AssessmentAnswer>().WithMany().HasForeignKey(x => x.AnswerId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.CampaignId, x.ItemId, x.Key, x.ResponseId });
        b.HasIndex(x => x.ResponseId);
        // Derived from the audited answer: the answer's own audit event covers it.
        b.HasAnnotation(Audit.AuditChanges.NotAudited, true);
    }
}

internal sealed class AssessmentCellCountConfiguration : IEntityTypeConfiguration<AssessmentCellCount>
{
    public void Configure(EntityTypeBuilder<AssessmentCellCount> b)
    {
        b.ToTable("assessment_cell_counts");
        b.HasKey(x => new { x.CampaignId, x.SectorCode, x.ItemId, x.Key });
        b.Property(x => x.SectorCode).HasMaxLength(64);
        b.Property(x => x.Key).HasMaxLength(64);
        b.HasOne<AssessmentCampaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
        // Derived from the audited submission: its audit event covers it.
        b.HasAnnotation(Audit.AuditChanges.NotAudited, true);
    }
}

internal sealed class AssessmentAnswerChangeConfiguration : IEntityTypeConfiguration<AssessmentAnswerChange>
{
    public void Configure(EntityTypeBuilder<AssessmentAnswerChange> b)
    {
        b.ToTable("assessment_answer_changes");
        b.HasKey(x => x.Id);
        b.Property(x => x.Value).HasMaxLength(8000);
        b.HasOne<AssessmentAnswer>().WithMany().HasForeignKey(x => x.AnswerId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<RenkeiUser>().WithMany().HasForeignKey(x => x.ChangedByUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.AnswerId, x.Version }).IsUnique();
        b.HasIndex(x => x.ResponseId);
        b.HasIndex(x => x.ChangedByUserId);
        // The answer's history, derived from the audited answer write.
        b.HasAnnotation(Audit.AuditChanges.NotAudited, true);
    }
}

internal sealed class AssessmentGoodPracticeConfiguration : IEntityTypeConfiguration<AssessmentGoodPractice>
{
    public void Configure(EntityTypeBuilder<AssessmentGoodPractice> b)
    {
        b.ToTable("assessment_good_practices");
        b.HasKey(x => x.Id);
        b.Property(x => x.SectorCode).HasMaxLength(64);
        b.Property(x => x.Text).HasMaxLength(GoodPractices.MaxTextLength);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<AssessmentCampaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AssessmentResponse>().WithMany().HasForeignKey(x => x.ResponseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AssessmentItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<RenkeiUser>().WithMany().HasForeignKey(x => x.ProposedByUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<RenkeiUser>().WithMany().HasForeignKey(x => x.DecidedByUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.ResponseId, x.ItemId }).IsUnique();
        b.HasIndex(x => new { x.CampaignId, x.State });
        b.HasIndex(x => new { x.State, x.ItemId });
        b.HasIndex(x => x.OrganisationId);
        b.HasIndex(x => x.ItemId);
        b.HasIndex(x => x.ProposedByUserId);
        b.HasIndex(x => x.DecidedByUserId);
    }
}

internal sealed class AssessmentEvidenceConfiguration : IEntityTypeConfiguration<AssessmentEvidence>
{
    public void Configure(EntityTypeBuilder<AssessmentEvidence> b)
    {
        b.ToTable("assessment_evidence");
        b.HasKey(x => x.Id);
        b.Property(x => x.FileName).HasMaxLength(Reports.ReportAttachments.MaxFileNameLength);
        b.Property(x => x.ContentType).HasMaxLength(Reports.ReportAttachments.MaxContentTypeLength);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.HasOne<AssessmentResponse>().WithMany().HasForeignKey(x => x.ResponseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AssessmentItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<RenkeiUser>().WithMany().HasForeignKey(x => x.UploadedByUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.ResponseId, x.UploadedAt });
        b.HasIndex(x => x.ItemId);
        b.HasIndex(x => x.UploadedByUserId);
    }
}
