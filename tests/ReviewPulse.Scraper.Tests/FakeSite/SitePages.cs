using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace ReviewPulse.Scraper.Tests.FakeSite;

/// <summary>A fake business: its reviews, newest first once sorted, in the real page structure.</summary>
public sealed class FakeBusiness(string domain, string name, string category)
{
    public string Domain { get; } = domain;

    public string Name { get; } = name;

    public List<(string Id, int Rating, string Text, string Language, DateTimeOffset Published)> Reviews { get; } = [];

    /// <summary>Adds <paramref name="count"/> reviews, each newer than the last (one hour apart).</summary>
    public FakeBusiness Add(int count, string language = "en")
    {
        var start = Reviews.Count == 0 ? new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero) : Reviews.Max(r => r.Published);
        for (var i = 1; i <= count; i++)
        {
            var n = Reviews.Count;
            Reviews.Add(($"{Domain}-r{n}", 1 + (n % 5), $"Review {n} of {Name}: {(n % 2 == 0 ? "great" : "poor")} service.", language, start.AddHours(i)));
        }
        return this;
    }

    /// <summary>Page <paramref name="page"/> (20 per page, newest first) as a Next.js HTML page.</summary>
    public string Page(int page, string? language)
    {
        var selected = Reviews.Where(r => language is null or "all" || r.Language == language).OrderByDescending(r => r.Published).ToList();
        var totalPages = (selected.Count + 19) / 20;
        var data = new
        {
            props = new
            {
                pageProps = new
                {
                    businessUnit = new { id = $"bu-{Domain}", identifyingName = Domain, displayName = Name, numberOfReviews = Reviews.Count, categories = new[] { new { displayName = category } } },
                    reviews = selected.Skip((page - 1) * 20).Take(20).Select(r => new
                    {
                        id = r.Id, rating = r.Rating, title = $"Title {r.Id}", text = r.Text, language = r.Language,
                        dates = new { publishedDate = r.Published.ToString("O") }, consumer = new { displayName = "Secret Person", imageUrl = "https://img/x.png" },
                    }),
                    filters = new { pagination = new { currentPage = page, perPage = 20, totalCount = selected.Count, totalPages } },
                },
            },
            page = "/review/[businessUnit]",
        };
        return Html(data);
    }

    /// <summary>Serves these businesses and categories from the fake site, as Trustpilot would.</summary>
    public static Func<Microsoft.AspNetCore.Http.HttpContext, Task> Site(IReadOnlyList<FakeBusiness> businesses, Dictionary<string, List<FakeBusiness>> categories, int categoryPageSize = 2) => http =>
    {
        var path = http.Request.Path.Value ?? "";
        var page = int.TryParse(http.Request.Query["page"], out var p) ? p : 1;
        if (path.StartsWith("/review/", StringComparison.Ordinal) && businesses.FirstOrDefault(b => b.Domain == path["/review/".Length..]) is { } business)
        {
            return http.Response.WriteAsync(business.Page(page, http.Request.Query["languages"]));
        }
        if (path.StartsWith("/categories/", StringComparison.Ordinal) && categories.TryGetValue(path["/categories/".Length..], out var listed))
        {
            return http.Response.WriteAsync(CategoryPage(path["/categories/".Length..], $"Category {path["/categories/".Length..]}", listed, page, categoryPageSize));
        }
        http.Response.StatusCode = 404;
        return http.Response.WriteAsync("<html><body>not found</body></html>");
    };

    public static string CategoryPage(string id, string displayName, IReadOnlyList<FakeBusiness> businesses, int page, int perPage)
    {
        var data = new
        {
            props = new
            {
                pageProps = new
                {
                    category = new { categoryId = id, displayName },
                    currentPage = page,
                    businesses = new
                    {
                        totalPages = (businesses.Count + perPage - 1) / perPage,
                        rankedBusinessUnits = new
                        {
                            totalNumberOfBusinesses = businesses.Count,
                            businessUnits = businesses.Skip((page - 1) * perPage).Take(perPage)
                                .Select(b => new { identifyingName = b.Domain, displayName = b.Name, numberOfReviews = b.Reviews.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
                        },
                    },
                },
            },
            page = "/categories/[categoryId]",
        };
        return Html(data);
    }

    private static string Html(object data) =>
        $"<!DOCTYPE html><html><head><title>fake</title></head><body><div id=\"__next\"></div><script id=\"__NEXT_DATA__\" type=\"application/json\">{JsonSerializer.Serialize(data)}</script></body></html>";
}
