using System.Globalization;
using System.Text;
using System.Text.Json;
using HtmlAgilityPack;

namespace ReviewPulse.Scraper.Parsing;

/// <summary>
/// Reads Trustpilot's Next.js pages: HtmlAgilityPack finds <c>&lt;script id="__NEXT_DATA__"&gt;</c>, System.Text.Json
/// reads the data. Lenient by design: unknown fields are ignored, renamed or retyped ones (numbers sent as strings)
/// are accepted, and pages without the data (the pre-2020 layout, truncated HTML) are refused with a reason.
/// </summary>
public static class TrustpilotParser
{
    private static readonly JsonDocumentOptions Lenient = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 256 };

    /// <summary>Parses page bytes; invalid UTF-8 is replaced, never fatal.</summary>
    public static TrustpilotPage Parse(ReadOnlySpan<byte> content) => Parse(Encoding.UTF8.GetString(content));

    /// <summary>Parses an HTML page, or the bare <c>__NEXT_DATA__</c> JSON of one.</summary>
    public static TrustpilotPage Parse(string content)
    {
        var json = content.AsSpan().TrimStart().StartsWith("{") ? content : ExtractNextData(content);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Lenient);
        }
        catch (JsonException e)
        {
            throw new UnsupportedPageException($"The page's __NEXT_DATA__ is not valid JSON (a truncated page?): {e.Message}", e);
        }
        using (document)
        {
            return Read(document.RootElement);
        }
    }

    /// <summary>
    /// Finds the data script with HtmlAgilityPack. A whole page is ~0.5 MB, so HAP reads just the script element when
    /// a plain search can find it, and the whole page only when it cannot (which also proves there is no such script).
    /// </summary>
    private static string ExtractNextData(string html)
    {
        var marker = html.IndexOf("__NEXT_DATA__", StringComparison.Ordinal);
        var tagStart = marker < 0 ? -1 : html.LastIndexOf("<script", marker, StringComparison.OrdinalIgnoreCase);
        if (tagStart >= 0)
        {
            var end = html.IndexOf("</script>", marker, StringComparison.OrdinalIgnoreCase);
            var fragment = end >= 0 ? html[tagStart..(end + "</script>".Length)] : html[tagStart..];
            if (TryExtract(fragment) is { } data)
            {
                return data;
            }
        }
        return TryExtract(html) ?? throw new UnsupportedPageException(
            "The page has no __NEXT_DATA__ script: it is not a Next.js Trustpilot page (for example the pre-2020 layout), so nothing can be read from it.");
    }

    private static string? TryExtract(string html)
    {
        var page = new HtmlDocument();
        page.LoadHtml(html);
        var script = page.DocumentNode.SelectSingleNode("//script[@id='__NEXT_DATA__']");
        if (script is null)
        {
            return null;
        }
        var text = script.InnerHtml;
        if (string.IsNullOrWhiteSpace(text))
        {
            // An unterminated script (the download was cut) has no inner text for the HTML parser: take what follows
            // its start tag, so the JSON reader reports the truncation.
            var start = html.IndexOf('>', script.StreamPosition) + 1;
            text = start > 0 ? html[start..] : "";
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new UnsupportedPageException("The page's __NEXT_DATA__ script is empty.");
        }
        return text;
    }

    private static TrustpilotPage Read(JsonElement root)
    {
        var props = root.Get("props")?.Get("pageProps")
            ?? throw new UnsupportedPageException("The page data has no props.pageProps.");
        var route = root.Get("page")?.AsString();
        if (route == "/_error" || props.Get("statusCode")?.AsLong() == 404)
        {
            return new TrustpilotPage(PageKind.NotFound, null, [], null, null);
        }
        if (props.Get("businessUnit") is { } business)
        {
            return ReadReviewPage(props, business);
        }
        if (props.Get("businesses") is { } businesses)
        {
            return ReadCategoryPage(props, businesses);
        }
        throw new UnsupportedPageException($"The page '{route ?? "unknown"}' is neither a review page nor a category page.");
    }

    private static TrustpilotPage ReadReviewPage(JsonElement props, JsonElement business)
    {
        var unit = new BusinessUnit(
            business.Get("id")?.AsString() ?? "",
            business.Get("identifyingName")?.AsString() ?? business.Get("websiteUrl")?.AsString() ?? "",
            business.Get("displayName")?.AsString() ?? "",
            business.Get("numberOfReviews")?.AsLong(),
            business.Get("trustScore")?.AsDouble(),
            business.Get("websiteUrl")?.AsString(),
            business.Get("categories")?.Items().Select(c => c.Get("displayName")?.AsString()).FirstOrDefault(n => n is not null));
        var reviews = new List<ScrapedReview>();
        foreach (var review in props.Get("reviews")?.Items() ?? [])
        {
            if (ReadReview(review) is { } parsed)
            {
                reviews.Add(parsed);
            }
        }
        var paging = props.Get("filters")?.Get("pagination") ?? props.Get("pagination");
        var pagination = paging is { } p
            ? new Pagination((int)(p.Get("currentPage")?.AsLong() ?? 1), (int)(p.Get("totalPages")?.AsLong() ?? 1), (int?)p.Get("perPage")?.AsLong(), p.Get("totalCount")?.AsLong())
            : null;
        return new TrustpilotPage(PageKind.Reviews, unit, reviews, null, pagination);
    }

    /// <summary>A review needs an id and a 1–5 rating; anything else about it is optional.</summary>
    private static ScrapedReview? ReadReview(JsonElement review)
    {
        var id = review.Get("id")?.AsString();
        var rating = review.Get("rating")?.AsLong() ?? review.Get("stars")?.AsLong();
        if (string.IsNullOrEmpty(id) || rating is not (>= 1 and <= 5))
        {
            return null;
        }
        var dates = review.Get("dates");
        var published = dates?.Get("publishedDate")?.AsDate() ?? review.Get("createdAt")?.AsDate() ?? dates?.Get("submittedDate")?.AsDate();
        return new ScrapedReview(id, (int)rating, review.Get("title")?.AsString() ?? "", review.Get("text")?.AsString() ?? "",
            review.Get("language")?.AsString(), published);
    }

    private static TrustpilotPage ReadCategoryPage(JsonElement props, JsonElement businesses)
    {
        var category = props.Get("category");
        var listed = new List<ListedBusiness>();
        var ranked = businesses.Get("rankedBusinessUnits");
        var units = ranked?.ValueKind == JsonValueKind.Array ? ranked : ranked?.Get("businessUnits");
        foreach (var unit in units?.Items() ?? [])
        {
            var domain = unit.Get("identifyingName")?.AsString();
            if (!string.IsNullOrEmpty(domain))
            {
                listed.Add(new ListedBusiness(domain, unit.Get("displayName")?.AsString() ?? domain, unit.Get("numberOfReviews")?.AsLong()));
            }
        }
        var listing = new CategoryListing(category?.Get("categoryId")?.AsString() ?? "", category?.Get("displayName")?.AsString() ?? "", listed);
        var pagination = new Pagination((int)(props.Get("currentPage")?.AsLong() ?? 1),
            (int)(businesses.Get("totalPages")?.AsLong() ?? businesses.Get("rankedBusinessUnitsTotalPages")?.AsLong() ?? 1), null, null);
        return new TrustpilotPage(PageKind.Category, null, [], listing, pagination);
    }
}

/// <summary>Tolerant reads of JSON values whose names and types drift between Trustpilot's releases.</summary>
internal static class JsonLeniency
{
    public static JsonElement? Get(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    public static JsonElement? Get(this JsonElement? element, string name) => element?.Get(name);

    public static IEnumerable<JsonElement> Items(this JsonElement element) =>
        element.ValueKind == JsonValueKind.Array ? element.EnumerateArray() : [];

    public static string? AsString(this JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.GetRawText(),
        _ => null,
    };

    public static long? AsLong(this JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number when element.TryGetInt64(out var n) => n,
        JsonValueKind.Number => (long)element.GetDouble(),
        JsonValueKind.String when long.TryParse(element.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n,
        _ => null,
    };

    public static double? AsDouble(this JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.String when double.TryParse(element.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    public static DateTimeOffset? AsDate(this JsonElement element) =>
        element.ValueKind == JsonValueKind.String && DateTimeOffset.TryParse(element.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var d) ? d : null;
}
