using System.Reflection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Renkei.Access;
using Renkei.Audit;
using Renkei.Common;
using Renkei.Directory;
using Renkei.Identity;
using Renkei.Notices;
using Renkei.ReferenceData;

namespace Renkei.Storage;

/// <summary>
/// The one EF Core model, over SQLite and PostgreSQL. Every SaveChanges writes the audit events
/// of its changes in the same transaction.
/// </summary>
public sealed class RenkeiDbContext(DbContextOptions<RenkeiDbContext> options, AuditScope auditScope, TimeProvider time)
    : IdentityDbContext<RenkeiUser, IdentityRole<Guid>, Guid>(options)
{
    private readonly List<AuditDraft> _pendingEvents = [];

    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<PointOfContact> PointsOfContact => Set<PointOfContact>();
    public DbSet<Sector> Sectors => Set<Sector>();
    public DbSet<BusinessScope> BusinessScopes => Set<BusinessScope>();
    public DbSet<Ceptoar> Ceptoars => Set<Ceptoar>();
    public DbSet<CeptoarMemberFigure> CeptoarMemberFigures => Set<CeptoarMemberFigure>();
    public DbSet<CeptoarMembership> CeptoarMemberships => Set<CeptoarMembership>();
    public DbSet<CeptoarRecipient> CeptoarRecipients => Set<CeptoarRecipient>();
    public DbSet<Community> Communities => Set<Community>();
    public DbSet<CommunityMembership> CommunityMemberships => Set<CommunityMembership>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<ReferenceRevision> ReferenceRevisions => Set<ReferenceRevision>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<Audience> Audiences => Set<Audience>();
    public DbSet<AudienceMember> AudienceMembers => Set<AudienceMember>();
    public DbSet<Notice> Notices => Set<Notice>();
    public DbSet<Reports.Report> Reports => Set<Reports.Report>();
    public DbSet<Reports.ReportVersion> ReportVersions => Set<Reports.ReportVersion>();
    public DbSet<Reports.ReportHop> ReportHops => Set<Reports.ReportHop>();
    public DbSet<Reports.ReportAssessment> ReportAssessments => Set<Reports.ReportAssessment>();
    public DbSet<Reports.VerificationRule> VerificationRules => Set<Reports.VerificationRule>();
    public DbSet<Reports.DeadlineRule> DeadlineRules => Set<Reports.DeadlineRule>();
    public DbSet<Reports.ReportMessage> ReportMessages => Set<Reports.ReportMessage>();
    public DbSet<Reports.Incident> Incidents => Set<Reports.Incident>();
    public DbSet<Reports.IncidentReport> IncidentReports => Set<Reports.IncidentReport>();
    public DbSet<Notifications.NotificationEvent> NotificationEvents => Set<Notifications.NotificationEvent>();
    public DbSet<Notifications.Notification> Notifications => Set<Notifications.Notification>();
    public DbSet<Notifications.OutboundEmail> OutboundEmails => Set<Notifications.OutboundEmail>();
    public DbSet<Reports.ReportAttachment> ReportAttachments => Set<Reports.ReportAttachment>();
    public DbSet<Advisories.Advisory> Advisories => Set<Advisories.Advisory>();
    public DbSet<Advisories.AdvisoryRevision> AdvisoryRevisions => Set<Advisories.AdvisoryRevision>();
    public DbSet<Advisories.AdvisoryDelivery> AdvisoryDeliveries => Set<Advisories.AdvisoryDelivery>();
    public DbSet<Webhooks.WebhookSubscription> WebhookSubscriptions => Set<Webhooks.WebhookSubscription>();
    public DbSet<Webhooks.OutboundWebhook> OutboundWebhooks => Set<Webhooks.OutboundWebhook>();
    public DbSet<ContactChecks.ContactCheck> ContactChecks => Set<ContactChecks.ContactCheck>();
    public DbSet<ContactChecks.ContactCheckRound> ContactCheckRounds => Set<ContactChecks.ContactCheckRound>();
    public DbSet<ContactChecks.ContactCheckTarget> ContactCheckTargets => Set<ContactChecks.ContactCheckTarget>();
    public DbSet<Interdependency.Scenarios.AnalysisScenario> AnalysisScenarios => Set<Interdependency.Scenarios.AnalysisScenario>();
    public DbSet<Interdependency.Scenarios.AnalysisRun> AnalysisRuns => Set<Interdependency.Scenarios.AnalysisRun>();
    public DbSet<Stix.StixObjectRecord> StixObjects => Set<Stix.StixObjectRecord>();
    public DbSet<Stix.StixCollectionEntry> StixCollectionEntries => Set<Stix.StixCollectionEntry>();
    public DbSet<Stix.IndicatorSet> IndicatorSets => Set<Stix.IndicatorSet>();
    public DbSet<Taxii.TaxiiStatus> TaxiiStatuses => Set<Taxii.TaxiiStatus>();
    public DbSet<Taxii.Feeds.TaxiiFeed> TaxiiFeeds => Set<Taxii.Feeds.TaxiiFeed>();
    public DbSet<Taxii.Feeds.TaxiiFeedRun> TaxiiFeedRuns => Set<Taxii.Feeds.TaxiiFeedRun>();
    public DbSet<Correlation.IndicatorOccurrence> IndicatorOccurrences => Set<Correlation.IndicatorOccurrence>();
    public DbSet<Correlation.CorrelationBackfillRun> CorrelationBackfills => Set<Correlation.CorrelationBackfillRun>();
    public DbSet<Presets.ContentPreset> ContentPresets => Set<Presets.ContentPreset>();
    public DbSet<Assessments.AssessmentFramework> AssessmentFrameworks => Set<Assessments.AssessmentFramework>();
    public DbSet<Assessments.AssessmentItem> AssessmentItems => Set<Assessments.AssessmentItem>();
    public DbSet<Assessments.AssessmentCampaign> AssessmentCampaigns => Set<Assessments.AssessmentCampaign>();
    public DbSet<Assessments.AssessmentResponse> AssessmentResponses => Set<Assessments.AssessmentResponse>();
    public DbSet<Assessments.AssessmentAnswer> AssessmentAnswers => Set<Assessments.AssessmentAnswer>();
    public DbSet<Assessments.AssessmentAnswerKey> AssessmentAnswerKeys => Set<Assessments.AssessmentAnswerKey>();
    public DbSet<Assessments.AssessmentCellCount> AssessmentCellCounts => Set<Assessments.AssessmentCellCount>();
    public DbSet<Assessments.AssessmentAnswerChange> AssessmentAnswerChanges => Set<Assessments.AssessmentAnswerChange>();
    public DbSet<Assessments.AssessmentGoodPractice> AssessmentGoodPractices => Set<Assessments.AssessmentGoodPractice>();
    public DbSet<Assessments.AssessmentEvidence> AssessmentEvidence => Set<Assessments.AssessmentEvidence>();
    public DbSet<Standards.SafetyStandard> SafetyStandards => Set<Standards.SafetyStandard>();
    public DbSet<Standards.SafetyStandardRelation> SafetyStandardRelations => Set<Standards.SafetyStandardRelation>();
    public DbSet<Guideline.GuidelineRevision> GuidelineRevisions => Set<Guideline.GuidelineRevision>();
    public DbSet<Guideline.GuidelineCoverage> GuidelineCoverage => Set<Guideline.GuidelineCoverage>();

    public AuditActor Actor => auditScope.Actor;

    /// <summary>Rows written by this context so far (audit events excluded): tells a bulk job whether a step changed anything.</summary>
    public long RowsWritten { get; private set; }

    /// <summary>
    /// Raised once a SaveChanges has committed (its own transaction, or the save itself when
    /// there was none). Inside a caller's transaction it is raised when the save returns: the
    /// work woken by it must tolerate not yet seeing the data, as pollers do.
    /// </summary>
    public event EventHandler? Committed;

    /// <summary>
    /// Begins a transaction for writing; on SQLite, after waiting this process's turn for the
    /// database's single writer (<see cref="SqliteWriteGate"/>). Every transaction begins here.
    /// </summary>
    public Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction> BeginWriteAsync(CancellationToken ct = default) =>
        Database.IsSqlite() ? SqliteWriteGate.BeginAsync(Database, ct) : Database.BeginTransactionAsync(ct);

    /// <summary>Queues an event that is not a tracked write (a read of restricted content, a sign-in); written by the next SaveChanges.</summary>
    public void AddAuditEvent(AuditDraft draft) => _pendingEvents.Add(draft);

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var changes = AuditChanges.Collect(ChangeTracker);
        if (changes.Count == 0 && _pendingEvents.Count == 0)
        {
            int plain;
            if (Database.CurrentTransaction is null && Database.IsSqlite() && ChangeTracker.HasChanges())
            {
                // Unaudited writes wait for the writer's turn like every other (SqliteWriteGate).
                await using var write = await BeginWriteAsync(cancellationToken);
                plain = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
                await write.CommitAsync(cancellationToken);
            }
            else
            {
                plain = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            }
            RowsWritten += plain;
            Committed?.Invoke(this, EventArgs.Empty);
            return plain;
        }

        var owned = Database.CurrentTransaction is null ? await BeginWriteAsync(cancellationToken) : null;
        try
        {
            // Changes are accepted after the first save whatever the caller asked: the second save
            // must write only the audit events.
            var written = await base.SaveChangesAsync(true, cancellationToken);
            var drafts = changes.Select(AuditChanges.ToDraft).Concat(_pendingEvents).ToList();
            await AuditChain.AppendAsync(this, drafts, auditScope.Actor, Clock.UtcNow(time), cancellationToken);
            await base.SaveChangesAsync(true, cancellationToken);
            if (owned is not null)
            {
                await owned.CommitAsync(cancellationToken);
            }
            _pendingEvents.Clear();
            RowsWritten += written;
            Committed?.Invoke(this, EventArgs.Empty);
            return written;
        }
        catch
        {
            // Nothing of a failed save may linger in the tracker: a retry must not write audit
            // events for changes that never happened.
            foreach (var entry in ChangeTracker.Entries<AuditEvent>().Where(e => e.State == EntityState.Added).ToList())
            {
                entry.State = EntityState.Detached;
            }
            throw;
        }
        finally
        {
            if (owned is not null)
            {
                await owned.DisposeAsync();
            }
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        // Enums say how they are stored where they are declared ([StoredAsText]).
        foreach (var type in typeof(RenkeiDbContext).Assembly.GetTypes().Where(t => t.IsEnum))
        {
            if (type.GetCustomAttribute<StoredAsTextAttribute>() is { } stored)
            {
                configurationBuilder.Properties(type).HaveConversion(typeof(EnumTextConverter<>).MakeGenericType(type)).HaveMaxLength(stored.MaxLength);
            }
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(RenkeiDbContext).Assembly);
        IdentityModel.Configure(builder);
        NamingConvention.Apply(builder);
    }
}
