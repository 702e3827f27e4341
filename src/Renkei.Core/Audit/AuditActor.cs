namespace Renkei.Audit;

/// <summary>Who the audit trail names for the writes of the current scope, and from where.</summary>
public sealed record AuditActor(Guid? UserId, string Label, Guid? OrganisationId, string? RemoteAddress)
{
    public static readonly AuditActor System = new(null, "system", null, null);
}

/// <summary>
/// Scoped holder of the current <see cref="AuditActor"/>: the web host sets it from the signed-in
/// user, the CLI from the operating-system user. Unset means the platform itself ("system").
/// </summary>
public sealed class AuditScope
{
    public AuditActor Actor { get; set; } = AuditActor.System;
}
