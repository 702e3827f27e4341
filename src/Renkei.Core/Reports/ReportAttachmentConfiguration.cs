using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Renkei.Directory;
using Renkei.Identity;

namespace Renkei.Reports;

internal sealed class ReportAttachmentConfiguration : IEntityTypeConfiguration<ReportAttachment>
{
    public void Configure(EntityTypeBuilder<ReportAttachment> b)
    {
        b.ToTable("report_attachments");
        b.HasKey(x => x.Id);
        b.Property(x => x.FileName).HasMaxLength(ReportAttachments.MaxFileNameLength);
        b.Property(x => x.ContentType).HasMaxLength(ReportAttachments.MaxContentTypeLength);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.HasOne<Report>().WithMany().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.UploadedByOrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<RenkeiUser>().WithMany().HasForeignKey(x => x.UploadedByUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.ReportId, x.UploadedAt });
    }
}
