namespace Renkei.Identity;

/// <summary>
/// What a user may do within their organisation. Roles are always read together with the
/// organisation: an admin of an operator administers that operator; an admin of the national
/// centre administers the platform.
/// </summary>
public enum Role
{
    Admin,
    Coordinator,
    Analyst,
    Reporter,
    Viewer,
    ExercisePlanner,
    Auditor,
}
