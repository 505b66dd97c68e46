using System.Text.Json;
using ReviewPulse.Scraper.Parsing;

namespace ReviewPulse.Scraper.Tests;

public sealed class ParserTests
{
    [FixturesFact]
    public void English_2026_page_has_20_reviews_business_and_pagination()
    {
        var page = Parse("review_page_en_calo.app-en_2026.html");
        Assert.Equal(PageKind.Reviews, page.Kind);
        Assert.Equal(20, page.Reviews.Count);
        Assert.All(page.Reviews, r => Assert.Equal("en", r.Language));
        Assert.Equal("calo.app/en", page.Business!.Domain);
        Assert.Equal("Calo UK", page.Business.Name);
        Assert.Equal(new Pagination(1, 15, 20, 290), page.Pagination);
        AssertWellFormed(page);
    }

    [FixturesFact]
    public void Older_2022_field_names_still_parse_with_60_pages()
    {
        var page = Parse("review_page_en_gullwingmotor.com_2022.html");
        Assert.Equal(20, page.Reviews.Count);
        Assert.Equal(60, page.Pagination!.TotalPages);
        Assert.Equal("gullwingmotor.com", page.Business!.Domain);
        AssertWellFormed(page);
    }

    [FixturesFact]
    public void A_company_without_reviews_is_an_empty_valid_result()
    {
        var page = Parse("review_page_en_mvcsol.com_no_reviews_2022.html");
        Assert.Equal(PageKind.Reviews, page.Kind);
        Assert.Empty(page.Reviews);
        Assert.Equal("mvcsol.com", page.Business!.Domain);
        Assert.Equal(0, page.Business.ReviewCount);
    }

    [FixturesFact]
    public void Not_found_is_told_apart_from_no_reviews()
    {
        var page = Parse("error_page_en_review_domain_not_found_2022.html");
        Assert.Equal(PageKind.NotFound, page.Kind);
        Assert.Null(page.Business);
    }

    [FixturesTheory]
    [InlineData("review_page_de_oerag.de_2026_prettified.html", "de", 20, 19)]
    [InlineData("review_page_en-US_eventnet.de_2024_prettified.html", "de", 20, 1)]
    [InlineData("review_page_fr_www.laposte.fr_2024.html", "fr", 20, 470)]
    [InlineData("review_page_it_studiosamo.it_2025.html", "it", 20, 3)]
    public void Other_languages_parse_with_their_language(string file, string language, int reviews, int pages)
    {
        var page = Parse(file);
        Assert.Equal(reviews, page.Reviews.Count);
        Assert.All(page.Reviews, r => Assert.Equal(language, r.Language));
        Assert.Equal(pages, page.Pagination!.TotalPages);
        AssertWellFormed(page);
    }

    [FixturesFact]
    public void The_2017_layout_is_refused_clearly()
    {
        var e = Assert.Throws<UnsupportedPageException>(() => Parse("review_page_de_flixbus.de_page26_2017_legacy.html"));
        Assert.Contains("no __NEXT_DATA__", e.Message);
    }

    [FixturesFact]
    public void Category_pages_list_businesses_with_domain_name_and_review_count()
    {
        var pets = TrustpilotParser.Parse(File.ReadAllBytes(Fixtures.Real("next_data_category_animals_pets_2020.json")));
        Assert.Equal(PageKind.Category, pets.Kind);
        Assert.Equal("animals_pets", pets.Category!.Id);
        Assert.Equal(20, pets.Category.Businesses.Count);
        Assert.Equal(new ListedBusiness("www.boomerangtags.com", "Boomerang Pet ID Tags", 7053), pets.Category.Businesses[0]);
        Assert.Equal(3, pets.Pagination!.TotalPages);

        // This file holds invalid UTF-8: it is replaced, not fatal.
        var fashion = TrustpilotParser.Parse(File.ReadAllBytes(Fixtures.Real("next_data_category_shopping_fashion_2020.json")));
        Assert.Equal("Shopping & Fashion", fashion.Category!.Name);
        Assert.Contains(fashion.Category.Businesses, b => b.Domain == "www.baunat.com" && b.ReviewCount == 2940);
    }

    [FixturesFact]
    public void No_reviewer_name_or_image_survives_parsing()
    {
        var file = Fixtures.Real("review_page_en_calo.app-en_2026.html");
        var html = File.ReadAllText(file);
        var start = html.IndexOf("\"consumer\":{", StringComparison.Ordinal);
        var name = JsonDocument.Parse(html[(start + 11)..(html.IndexOf('}', start) + 1)]).RootElement.GetProperty("displayName").GetString()!;
        var output = JsonSerializer.Serialize(TrustpilotParser.Parse(html), ScraperJson.Default.TrustpilotPage);
        Assert.DoesNotContain(name, output);
        Assert.DoesNotContain("imageUrl", output);
        Assert.DoesNotContain("consumer", output);
    }

    [Fact]
    public void Drifted_names_and_types_are_accepted_and_incomplete_reviews_skipped()
    {
        var page = TrustpilotParser.Parse(File.ReadAllText(Fixtures.Own("drifted_fields.html")));
        Assert.Equal(["r-1", "r-2", "r-5"], page.Reviews.Select(r => r.Id));
        Assert.Equal(4, page.Reviews[0].Rating);
        Assert.Equal(new DateTimeOffset(2023, 5, 1, 10, 0, 0, TimeSpan.Zero), page.Reviews[0].PublishedAt);
        Assert.Equal("", page.Reviews[1].Title);
        Assert.Null(page.Reviews[2].PublishedAt);
        Assert.Null(page.Reviews[2].Language);
        Assert.Equal(1234, page.Business!.ReviewCount);
        Assert.Equal(4.2, page.Business.TrustScore);
        Assert.Equal(new Pagination(2, 7, null, null), page.Pagination);
        Assert.DoesNotContain("Jane Doe", JsonSerializer.Serialize(page, ScraperJson.Default.TrustpilotPage));
    }

    [Theory]
    [InlineData("truncated.html", "not valid JSON")]
    [InlineData("not_trustpilot.html", "no __NEXT_DATA__")]
    [InlineData("unknown_page_type.html", "neither a review page nor a category page")]
    public void Unusable_pages_are_refused_with_a_reason(string file, string reason)
    {
        var e = Assert.Throws<UnsupportedPageException>(() => TrustpilotParser.Parse(File.ReadAllText(Fixtures.Own(file))));
        Assert.Contains(reason, e.Message);
    }

    private static TrustpilotPage Parse(string fixture) => TrustpilotParser.Parse(File.ReadAllBytes(Fixtures.Real(fixture)));

    private static void AssertWellFormed(TrustpilotPage page) => Assert.All(page.Reviews, r =>
    {
        Assert.False(string.IsNullOrEmpty(r.Id));
        Assert.InRange(r.Rating, 1, 5);
        Assert.False(string.IsNullOrWhiteSpace(r.Text));
        Assert.NotNull(r.PublishedAt);
    });
}
