using System.Text.Json;

namespace ReviewPulse.Scraper.Tests;

/// <summary>The `parse FILE` command as a real process (outside checks use this interface).</summary>
public sealed class ParseCommandTests
{
    [FixturesFact]
    public void Prints_every_review_with_business_and_pagination()
    {
        var (code, stdout, _) = Run("parse", Fixtures.Real("review_page_fr_www.laposte.fr_2024.html"));
        Assert.Equal(0, code);
        var page = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal("reviews", page.GetProperty("kind").GetString());
        Assert.Equal("www.laposte.fr", page.GetProperty("business").GetProperty("domain").GetString());
        Assert.Equal(470, page.GetProperty("pagination").GetProperty("totalPages").GetInt32());
        var reviews = page.GetProperty("reviews").EnumerateArray().ToList();
        Assert.Equal(20, reviews.Count);
        foreach (var field in new[] { "id", "rating", "title", "text", "language", "publishedAt" })
        {
            Assert.All(reviews, r => Assert.True(r.TryGetProperty(field, out _), $"review without {field}"));
        }
    }

    [FixturesFact]
    public void Unusable_and_not_found_pages_exit_non_zero_with_a_message()
    {
        var (code, stdout, stderr) = Run("parse", Fixtures.Real("review_page_de_flixbus.de_page26_2017_legacy.html"));
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains("cannot be used", stderr);
        (code, _, stderr) = Run("parse", Fixtures.Real("error_page_en_review_domain_not_found_2022.html"));
        Assert.Equal(3, code);
        Assert.Contains("\"not found\"", stderr);
    }

    [Fact]
    public void A_missing_file_or_bad_usage_fails_clearly()
    {
        var (code, _, stderr) = Run("parse", "/nonexistent/page.html");
        Assert.Equal(2, code);
        Assert.Contains("does not exist", stderr);
        (code, _, stderr) = Run("frobnicate");
        Assert.NotEqual(0, code);
        Assert.Contains("Unrecognized command", stderr);
    }

    private static (int Code, string Stdout, string Stderr) Run(params string[] args) => ProcessRunner.Dotnet("ReviewPulse.Scraper.dll", args);
}
