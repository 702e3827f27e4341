using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Renkei.Audit;
using Renkei.Directory;
using Renkei.Identity;

namespace Renkei.Webhooks;

internal sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> b)
    {
        b.ToTable("webhook_subscriptions");
        b.HasKey(x => x.Id);
        b.Property(x => x.Url).HasMaxLength(WebhookService.MaxUrl);
        b.Property(x => x.Description).HasMaxLength(200);
        b.Property(x => x.ProtectedSecret).HasMaxLength(1000);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<RenkeiUser>().WithMany().HasForeignKey(x => x.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.OrganisationId);
        b.HasIndex(x => x.CreatedByUserId);
    }
}

internal sealed class OutboundWebhookConfiguration : IEntityTypeConfiguration<OutboundWebhook>
{
    public void Configure(EntityTypeBuilder<OutboundWebhook> b)
    {
        b.ToTable("outbound_webhooks");
        b.HasAnnotation(AuditChanges.NotAudited, true);
        b.HasKey(x => x.Id);
        b.Property(x => x.DeliveryKey).HasMaxLength(200);
        b.Property(x => x.Topic).HasMaxLength(100);
        b.Property(x => x.LastError).HasMaxLength(2000);
        b.HasOne<WebhookSubscription>().WithMany().HasForeignKey(x => x.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.DeliveryKey).IsUnique();
        b.HasIndex(x => x.SubscriptionId);
        b.HasIndex(x => new { x.SentAt, x.NextAttemptAt });
    }
}
