namespace ReviewPulse.Scraper.Tests;

/// <summary>
/// A test on the real Trustpilot pages in ../shared/fixtures/trustpilot. Where that folder is absent (a clone outside
/// this workplace) the test is skipped with the reason — except under CI=true, where it runs and fails loudly.
/// </summary>
public sealed class FixturesFactAttribute : FactAttribute
{
    public FixturesFactAttribute()
    {
        if (!Directory.Exists(Fixtures.Directory) && Environment.GetEnvironmentVariable("CI") != "true")
        {
            Skip = $"The shared Trustpilot fixtures are not at {Fixtures.Directory} (they live beside the repository, not in it).";
        }
    }
}

/// <summary>The theory form of <see cref="FixturesFactAttribute"/>, with the same skip rule.</summary>
public sealed class FixturesTheoryAttribute : TheoryAttribute
{
    public FixturesTheoryAttribute()
    {
        if (!Directory.Exists(Fixtures.Directory) && Environment.GetEnvironmentVariable("CI") != "true")
        {
            Skip = $"The shared Trustpilot fixtures are not at {Fixtures.Directory} (they live beside the repository, not in it).";
        }
    }
}

/// <summary>Paths of the real pages and of the project's own small pages.</summary>
public static class Fixtures
{
    public static string Directory { get; } = Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "fixtures", "trustpilot"));

    public static string Real(string name)
    {
        var path = Path.Combine(Directory, name);
        return File.Exists(path) ? path : throw new FileNotFoundException($"Fixture {path} is missing: the shared fixtures folder must be beside the repository.", path);
    }

    public static string Own(string name) => Path.Combine(AppContext.BaseDirectory, "Pages", name);
}
