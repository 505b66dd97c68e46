using System.Text.Json.Serialization;

namespace ReviewPulse.Scraper.Parsing;

/// <summary>What a Trustpilot page turned out to be.</summary>
public enum PageKind
{
    /// <summary>A company's review page (possibly with zero reviews).</summary>
    [JsonStringEnumMemberName("reviews")]
    Reviews,

    /// <summary>A category page listing businesses.</summary>
    [JsonStringEnumMemberName("category")]
    Category,

    /// <summary>Trustpilot's "not found" page: the company does not exist (unlike a company with no reviews).</summary>
    [JsonStringEnumMemberName("not-found")]
    NotFound,
}

/// <summary>One parsed page: reviews, business unit and pagination, or a category's businesses. No reviewer data.</summary>
public sealed record TrustpilotPage(
    PageKind Kind,
    BusinessUnit? Business,
    IReadOnlyList<ScrapedReview> Reviews,
    CategoryListing? Category,
    Pagination? Pagination);

/// <summary>A review as published: no reviewer name, image or location is ever kept.</summary>
public sealed record ScrapedReview(string Id, int Rating, string Title, string Text, string? Language, DateTimeOffset? PublishedAt);

/// <summary>The company a review page belongs to.</summary>
public sealed record BusinessUnit(string Id, string Domain, string Name, long? ReviewCount, double? TrustScore, string? WebsiteUrl, string? Category = null);

/// <summary>A category page: which category, and the businesses it lists.</summary>
public sealed record CategoryListing(string Id, string Name, IReadOnlyList<ListedBusiness> Businesses);

/// <summary>A business as a category page lists it.</summary>
public sealed record ListedBusiness(string Domain, string Name, long? ReviewCount);

/// <summary>Where a page stands in its list.</summary>
public sealed record Pagination(int CurrentPage, int TotalPages, int? PerPage, long? TotalCount);

/// <summary>The page has no usable data (e.g. the pre-2020 layout); the message says why. Nothing is stored from it.</summary>
public sealed class UnsupportedPageException : Exception
{
    public UnsupportedPageException() { }

    public UnsupportedPageException(string message) : base(message) { }

    public UnsupportedPageException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>Source-generated JSON for parse output.</summary>
[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web, WriteIndented = true, UseStringEnumConverter = true)]
[JsonSerializable(typeof(TrustpilotPage))]
internal sealed partial class ScraperJson : JsonSerializerContext;
