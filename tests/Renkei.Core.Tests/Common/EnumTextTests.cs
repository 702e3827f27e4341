using Renkei.Access;
using Renkei.Common;
using Renkei.Directory;
using Renkei.Identity;

namespace Renkei.Core.Tests.Common;

public sealed class EnumTextTests
{
    [Fact]
    public void ToText_UsesSnakeCaseAndTlpSpelling()
    {
        EnumText.ToText(OrganisationKind.NationalCentre).ShouldBe("national_centre");
        EnumText.ToText(Role.ExercisePlanner).ShouldBe("exercise_planner");
        EnumText.ToText(Tlp.AmberStrict).ShouldBe("amber+strict");
    }

    [Fact]
    public void TryParse_AcceptsCaseAndSpaces_RefusesUnknownAndNumbers()
    {
        EnumText.TryParse<Tlp>(" AMBER+STRICT ", out var tlp).ShouldBeTrue();
        tlp.ShouldBe(Tlp.AmberStrict);
        EnumText.TryParse<Tlp>("amber_strict", out _).ShouldBeFalse();
        EnumText.TryParse<Role>("2", out _).ShouldBeFalse();
        EnumText.TryParse<Role>(null, out _).ShouldBeFalse();
    }
}
