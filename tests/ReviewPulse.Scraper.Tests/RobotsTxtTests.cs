using ReviewPulse.Scraper.Crawling;

namespace ReviewPulse.Scraper.Tests;

public sealed class RobotsTxtTests
{
    private const string Sample = """
        # comments are ignored
        User-agent: BadBot
        Disallow: /

        User-agent: ReviewPulseBot
        User-agent: OtherBot
        Disallow: /review/*?page=
        Allow: /review/*?page=1$
        Disallow: /*.pdf$
        Crawl-delay: 5

        User-agent: *
        Disallow: /categories/
        """;

    [Theory]
    [InlineData("/review/acme.com", true)]
    [InlineData("/review/acme.com?page=1", true)]
    [InlineData("/review/acme.com?page=2", false)]
    [InlineData("/review/acme.com?page=10", false)]
    [InlineData("/docs/file.pdf", false)]
    [InlineData("/docs/file.pdf?x=1", true)]
    [InlineData("/categories/pets", true)]
    public void Our_group_with_longest_match_wildcards_and_anchors(string path, bool allowed) =>
        Assert.Equal(allowed, RobotsTxt.Parse(Sample, "ReviewPulseBot").IsAllowed(path));

    [Fact]
    public void Other_agents_fall_back_to_star_and_crawl_delay_is_read()
    {
        var star = RobotsTxt.Parse(Sample, "SomeoneElse");
        Assert.False(star.IsAllowed("/categories/pets"));
        Assert.True(star.IsAllowed("/review/acme.com?page=9"));
        Assert.Null(star.CrawlDelay);
        Assert.Equal(TimeSpan.FromSeconds(5), RobotsTxt.Parse(Sample, "ReviewPulseBot").CrawlDelay);
        Assert.False(RobotsTxt.Parse(Sample, "BadBot").IsAllowed("/anything"));
    }

    [Fact]
    public void Empty_or_foreign_content_allows_everything()
    {
        Assert.True(RobotsTxt.Parse("", "ReviewPulseBot").IsAllowed("/x"));
        Assert.True(RobotsTxt.Parse("<html>not robots</html>", "ReviewPulseBot").IsAllowed("/x"));
        Assert.False(RobotsTxt.DisallowAll.IsAllowed("/x"));
    }
}
