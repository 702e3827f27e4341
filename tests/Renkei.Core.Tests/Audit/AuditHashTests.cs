using Renkei.Audit;

namespace Renkei.Core.Tests.Audit;

public sealed class AuditHashTests
{
    private static AuditEvent Event(string actor, string action) => new()
    {
        Seq = 7,
        OccurredAt = new DateTime(2026, 11, 22, 0, 0, 0, DateTimeKind.Utc),
        Actor = actor,
        Action = action,
        ResourceType = "organisations",
        ResourceId = "x",
        PrevHash = AuditHash.Genesis,
        Hash = "",
    };

    [Fact]
    public void Compute_IsDeterministic_AndSensitiveToEveryField()
    {
        var a = AuditHash.Compute(Event("alice", "read"));
        a.ShouldBe(AuditHash.Compute(Event("alice", "read")));
        a.Length.ShouldBe(64);
        AuditHash.Compute(Event("alice", "update")).ShouldNotBe(a);
        var moved = Event("alice", "read");
        moved.RemoteAddress = "10.0.0.1";
        AuditHash.Compute(moved).ShouldNotBe(a);
    }

    [Fact]
    public void Compute_MovingTextBetweenFields_ChangesTheHash()
    {
        // Without length prefixes "ab" + "c" and "a" + "bc" would hash alike.
        AuditHash.Compute(Event("ab", "c")).ShouldNotBe(AuditHash.Compute(Event("a", "bc")));
    }
}
