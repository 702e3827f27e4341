namespace Renkei.Testing;

/// <summary>Files of the repository the tests check against (documented examples, schemas), found from the test binaries.</summary>
public static class RepositoryFiles
{
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "Renkei.slnx")))
                {
                    return dir.FullName;
                }
            }
            throw new InvalidOperationException("The repository root (Renkei.slnx) was not found above the test binaries.");
        }
    }

    /// <summary>A path under the repository root, e.g. <c>Path("docs", "examples", "operators-hospital.json")</c>.</summary>
    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);
}
