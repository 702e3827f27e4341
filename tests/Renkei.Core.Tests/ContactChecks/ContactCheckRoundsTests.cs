using Renkei.ContactChecks;

namespace Renkei.Core.Tests.ContactChecks;

public sealed class ContactCheckRoundsTests
{
    private static readonly DateTime Due = new(2026, 4, 1, 0, 0, 0, DateTimeKind.Utc);

    private static ContactCheck Check(ContactCheckSchedule schedule, int? days = null, DateTime? next = null) =>
        new() { Title = "t", Schedule = schedule, RepeatDays = days, NextRoundAt = next };

    [Fact]
    public void NextRoundAfter_OneOff_HasNone_EvenWhenSentEarly()
    {
        ContactCheckRounds.NextRoundAfter(Check(ContactCheckSchedule.At, next: Due), Due, Due).ShouldBeNull();
        ContactCheckRounds.NextRoundAfter(Check(ContactCheckSchedule.At, next: Due), null, Due.AddDays(-1)).ShouldBeNull();
    }

    [Fact]
    public void NextRoundAfter_Repeating_KeepsTheCadence_SkipsMissedRounds_AndIgnoresExtraSends()
    {
        var weekly = Check(ContactCheckSchedule.Repeat, 7, Due);
        ContactCheckRounds.NextRoundAfter(weekly, Due, Due.AddMinutes(3)).ShouldBe(Due.AddDays(7));
        ContactCheckRounds.NextRoundAfter(weekly, Due, Due.AddDays(15)).ShouldBe(Due.AddDays(21), "one catch-up round after downtime, not three");
        ContactCheckRounds.NextRoundAfter(weekly, null, Due.AddDays(-2)).ShouldBe(Due, "a desk's extra round leaves the schedule alone");
    }
}
