namespace Renkei.Audit;

/// <summary>Who the audit trail names for the writes of the current scope, and from where.</summary>
public sealed record AuditActor(Guid? UserId, string Label, Guid? OrganisationId, string? RemoteAddress)
{
    public static readonly AuditActor System = new(null, "system", null, null);

    /// <summary>Set while an anonymised reporter acts: the trail then shows this to everyone but <see cref="DisclosedTo"/>.</summary>
    public string? Pseudonym { get; init; }
    public Guid? DisclosedTo { get; init; }
}

/// <summary>
/// Scoped holder of the current <see cref="AuditActor"/>: the web host sets it from the signed-in
/// user, the CLI from the operating-system user. Unset means the platform itself ("system").
/// </summary>
public sealed class AuditScope
{
    public AuditActor Actor { get; set; } = AuditActor.System;

    /// <summary>
    /// Until disposed, events name the actor only to their own organisation and to
    /// <paramref name="disclosedTo"/>; everyone else reads <paramref name="pseudonym"/>.
    /// </summary>
    public IDisposable Pseudonymise(string pseudonym, Guid disclosedTo)
    {
        var previous = Actor;
        Actor = previous with { Pseudonym = pseudonym, DisclosedTo = disclosedTo };
        return new Restore(this, previous);
    }

    private sealed class Restore(AuditScope scope, AuditActor previous) : IDisposable
    {
        public void Dispose() => scope.Actor = previous;
    }
}
