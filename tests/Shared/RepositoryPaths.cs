namespace ReviewPulse.Tests.Shared;

/// <summary>Paths inside the repository the tests run from (found by walking up to ReviewPulse.slnx).</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The shipped model package.</summary>
    public static string DefaultModel => Path.Combine(Root, "models", "default");

    private static string FindRoot()
    {
        var dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "ReviewPulse.slnx")))
        {
            dir = Path.GetDirectoryName(dir);
        }
        return dir ?? throw new InvalidOperationException("ReviewPulse.slnx not found above the test binaries.");
    }
}
