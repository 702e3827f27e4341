using Microsoft.Extensions.DependencyInjection;

namespace Renkei.Notifications;

/// <summary>
/// Words a feature's notification events for each user they concern. A feature registers its
/// composer (<see cref="NotificationComposers.AddNotificationComposer{T}"/>) for the topics it
/// raises, named by their common prefix ("report.", "advisory."); the dispatcher knows no feature.
/// </summary>
public interface INotificationComposer
{
    /// <summary>The prefix of every topic this composer words, including the dot.</summary>
    string TopicPrefix { get; }

    Task<Composed> ComposeAsync(NotificationEvent evt, CancellationToken ct);
}

public static class NotificationComposers
{
    /// <summary>Registers a feature's composer: as itself (features raise through it) and as a composer.</summary>
    public static IServiceCollection AddNotificationComposer<T>(this IServiceCollection services)
        where T : class, INotificationComposer
    {
        services.AddScoped<T>();
        services.AddScoped<INotificationComposer>(sp => sp.GetRequiredService<T>());
        return services;
    }
}
