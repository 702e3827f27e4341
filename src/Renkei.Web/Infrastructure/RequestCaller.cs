using Renkei.Access;

namespace Renkei.Web.Infrastructure;

/// <summary>The <see cref="Caller"/> of the current request, loaded once by <see cref="CallerMiddleware"/>.</summary>
public sealed class RequestCaller
{
    public Caller? Caller { get; internal set; }

    /// <summary>The caller of an endpoint that requires authorization (never null there).</summary>
    public Caller Required => Caller ?? throw new InvalidOperationException("The endpoint requires authorization but has no caller; its authorization metadata is missing.");
}
