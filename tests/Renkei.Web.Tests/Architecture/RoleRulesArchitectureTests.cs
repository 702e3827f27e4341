using System.Text.RegularExpressions;
using Renkei.Testing;

namespace Renkei.Web.Tests.Architecture;

/// <summary>
/// Who may do what is decided in Core (<c>Permissions</c>, the services' rules); web handlers and
/// pages ask those rules for their flags instead of deriving them from roles again, so a page can
/// never offer what the service would refuse, or hide what it allows.
/// </summary>
public sealed partial class RoleRulesArchitectureTests
{
    /// <summary>Web files that read the caller's roles directly, and why.</summary>
    private static readonly Dictionary<string, string> Allowed = new()
    {
        ["src/Renkei.Web/Identity/AccountGuardMiddleware.cs"] = "Authentication: the two-factor requirement applies before any rule runs.",
        ["src/Renkei.Web/Identity/MeEndpoints.cs"] = "Reports the caller's own roles and platform-admin flag as data.",
        ["src/Renkei.Web/Pages/Profile/TwoFactor.cshtml"] = "Explains the two-factor requirement of the guard above to an administrator.",
    };

    [GeneratedRegex(@"\bIsPlatformAdmin\b|\bIsNationalCentre\b|\.Has\(\s*(Renkei\.)?(Identity\.)?Role\.|\.HasAny\(")]
    private static partial Regex RoleCheck();

    internal static IEnumerable<(string File, int Line)> RoleChecks(string root, IEnumerable<string> files) =>
        files.SelectMany(f => File.ReadLines(f).Select((text, i) => (text, i)).Where(l => RoleCheck().IsMatch(l.text))
            .Select(l => (Path.GetRelativePath(root, f).Replace('\\', '/'), l.i + 1)));

    [Fact]
    public void WebFiles_AskCoreRules_InsteadOfReadingRoles()
    {
        var root = RepositoryFiles.Root;
        var web = RepositoryFiles.Path("src", "Renkei.Web");
        var files = System.IO.Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        var found = RoleChecks(root, files).ToList();
        var unexpected = found.Where(v => !Allowed.ContainsKey(v.File)).ToList();
        unexpected.ShouldBeEmpty("web code deriving a rule from roles (ask Permissions or the service's rule):\n" + string.Join('\n', unexpected));
        Allowed.Keys.Except(found.Select(v => v.File)).ShouldBeEmpty("allow-listed files that no longer read roles (take them off the list)");
    }

    /// <summary>The check itself finds the spellings a page would use.</summary>
    [Fact]
    public void RoleCheck_FindsDirectRoleTests()
    {
        var dir = System.IO.Directory.CreateTempSubdirectory("renkei-roles");
        try
        {
            var file = Path.Combine(dir.FullName, "Sneaky.cshtml");
            File.WriteAllLines(file, [
                "@if (Model.Caller.IsPlatformAdmin) { }",
                "@if (Model.Caller.Has(Role.Admin)) { }",
                "@if (Permissions.ReadAudit(Model.Caller)) { }",
                "var ok = caller.HasAny(Role.Admin, Role.Auditor);",
                "var roles = string.Join(\", \", u.Roles);",
            ]);
            RoleChecks(dir.FullName, [file]).Select(v => v.Line).ShouldBe([1, 2, 4]);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
