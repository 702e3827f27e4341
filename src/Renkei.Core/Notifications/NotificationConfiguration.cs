using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Renkei.Audit;
using Renkei.Identity;

namespace Renkei.Notifications;

// Notifications, their events and the mail outbox are derived from writes that are audited
// themselves; auditing them again would multiply the trail by the number of recipients.

internal sealed class NotificationEventConfiguration : IEntityTypeConfiguration<NotificationEvent>
{
    public void Configure(EntityTypeBuilder<NotificationEvent> b)
    {
        b.ToTable("notification_events");
        b.HasAnnotation(AuditChanges.NotAudited, true);
        b.HasKey(x => x.Id);
        b.Property(x => x.Topic).HasMaxLength(64);
        b.Property(x => x.Organisations).HasMaxLength(4000);
        b.Property(x => x.LastError).HasMaxLength(2000);
        b.HasIndex(x => new { x.DispatchedAt, x.CreatedAt });
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.ToTable("notifications");
        b.HasAnnotation(AuditChanges.NotAudited, true);
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedOnAdd();
        b.Property(x => x.Topic).HasMaxLength(64);
        b.Property(x => x.SubjectType).HasMaxLength(40);
        b.Property(x => x.TitleJa).HasMaxLength(500);
        b.Property(x => x.TitleEn).HasMaxLength(500);
        b.Property(x => x.DetailJa).HasMaxLength(1000);
        b.Property(x => x.DetailEn).HasMaxLength(1000);
        b.Property(x => x.Link).HasMaxLength(500);
        b.HasOne<RenkeiUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<NotificationEvent>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.EventId, x.UserId }).IsUnique();
        b.HasIndex(x => new { x.UserId, x.ReadAt });
    }
}

internal sealed class OutboundEmailConfiguration : IEntityTypeConfiguration<OutboundEmail>
{
    public void Configure(EntityTypeBuilder<OutboundEmail> b)
    {
        b.ToTable("outbound_emails");
        b.HasAnnotation(AuditChanges.NotAudited, true);
        b.HasKey(x => x.Id);
        b.Property(x => x.DeliveryKey).HasMaxLength(200);
        b.Property(x => x.ToAddress).HasMaxLength(320);
        b.Property(x => x.Subject).HasMaxLength(500);
        b.Property(x => x.LastError).HasMaxLength(2000);
        b.HasIndex(x => x.DeliveryKey).IsUnique();
        b.HasIndex(x => new { x.SentAt, x.NextAttemptAt });
    }
}
