using System.Threading.Channels;

namespace Renkei.Notifications;

/// <summary>
/// In-process wake-ups: a saved event wakes the dispatcher, dispatched notifications wake open
/// live pages, queued e-mails and webhook calls wake their senders. Missing a wake-up only delays things: every
/// waiter also polls the database on a timer (and other instances of the host rely on that).
/// </summary>
public sealed class NotificationSignal
{
    private readonly Channel<bool> _events = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Channel<bool> _mail = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Channel<bool> _webhooks = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private TaskCompletionSource _delivered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _receipts = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void EventsRaised() => _events.Writer.TryWrite(true);

    public void MailQueued() => _mail.Writer.TryWrite(true);

    public void WebhooksQueued() => _webhooks.Writer.TryWrite(true);

    /// <summary>Takes a pending wake-up of the dispatcher, if there is one (what a waiting dispatcher would do).</summary>
    public bool TryTakeEventsRaised() => _events.Reader.TryRead(out _);

    public void NotificationsDelivered() =>
        Interlocked.Exchange(ref _delivered, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>Completes at the next delivery of notifications to anyone.</summary>
    public Task NextDelivery => Volatile.Read(ref _delivered).Task;

    /// <summary>A recipient read, acknowledged or answered an advisory: open delivery dashboards refresh.</summary>
    public void ReceiptsChanged() =>
        Interlocked.Exchange(ref _receipts, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>Completes at the next change of any advisory's receipts (a content-free wake-up).</summary>
    public Task NextReceipts => Volatile.Read(ref _receipts).Task;

    public Task WaitForEventsAsync(TimeSpan timeout, CancellationToken ct) => WaitAsync(_events.Reader, timeout, ct);

    public Task WaitForMailAsync(TimeSpan timeout, CancellationToken ct) => WaitAsync(_mail.Reader, timeout, ct);

    public Task WaitForWebhooksAsync(TimeSpan timeout, CancellationToken ct) => WaitAsync(_webhooks.Reader, timeout, ct);

    private static async Task WaitAsync(ChannelReader<bool> reader, TimeSpan timeout, CancellationToken ct)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        try
        {
            await reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // The timer: poll anyway.
        }
    }
}
