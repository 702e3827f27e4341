using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Renkei.Notifications;
using Renkei.Testing;

namespace Renkei.Web.Tests.Notifications;

/// <summary>
/// The dispatcher knows no feature: every topic a feature declares must reach exactly one
/// registered composer, or its events would be dispatched to nobody.
/// </summary>
public sealed partial class NotificationComposerTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [GeneratedRegex("^[a-z-]+\\.[a-z-]+$")]
    private static partial Regex TopicShape();

    /// <summary>The topic constants declared in Core: on the feature's notification class, or in <see cref="Topics"/>.</summary>
    private static List<string> DeclaredTopics() =>
        typeof(NotificationEvent).Assembly.GetTypes()
            .Where(t => t == typeof(Topics) || t.Name.EndsWith("Notifications", StringComparison.Ordinal))
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Where(v => TopicShape().IsMatch(v))
            .Distinct()
            .ToList();

    [Fact]
    public void EveryDeclaredTopic_HasExactlyOneComposer()
    {
        using var scope = app.Services.CreateScope();
        var composers = scope.ServiceProvider.GetServices<INotificationComposer>().ToList();
        composers.Select(c => c.GetType().Name).ShouldBe(["ReportNotifications", "AdvisoryNotifications", "ContactCheckNotifications", "AssessmentNotifications"], ignoreOrder: true);
        var topics = DeclaredTopics();
        topics.ShouldContain(Topics.ReportSubmitted);
        topics.ShouldContain(Renkei.Advisories.AdvisoryNotifications.Escalated);
        topics.ShouldContain(Renkei.ContactChecks.ContactCheckNotifications.RoundStarted);
        topics.ShouldContain(Renkei.Assessments.AssessmentNotifications.Reminder);
        foreach (var topic in topics)
        {
            composers.Count(c => topic.StartsWith(c.TopicPrefix, StringComparison.Ordinal)).ShouldBe(1, $"topic {topic}");
        }
    }

    [Fact]
    public void AFeaturesComposer_IsTheInstanceItRaisesThrough()
    {
        using var scope = app.Services.CreateScope();
        var reports = scope.ServiceProvider.GetRequiredService<Renkei.Reports.ReportNotifications>();
        scope.ServiceProvider.GetServices<INotificationComposer>().ShouldContain(reports, "one instance per scope: what a write raised is what the dispatcher words");
    }
}
