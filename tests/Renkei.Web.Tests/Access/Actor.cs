namespace Renkei.Web.Tests.Access;

/// <summary>The people of the role × resource matrices. The target is an electricity operator that is a member of the electricity CEPTOAR.</summary>
public enum Actor
{
    PlatformAdmin,
    NiscViewer,
    NiscAuditor,
    MinistryInCharge,
    OtherMinistry,
    CeptoarSecretariat,
    TargetAdmin,
    TargetCoordinator,
    TargetViewer,
    OtherOperatorAdmin,
    OtherSectorAuditor,
}
