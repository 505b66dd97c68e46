using System.Globalization;
using System.Text;
using ReviewPulse.Core.Crawling;
using ReviewPulse.Core.Reviews;

namespace ReviewPulse.Scraper.Runs;

/// <summary>
/// Writes stored reviews in the trainer's corpus format (<c>text,stars,title,company,date,lang,source,origin</c>):
/// collected reviews with their stars, and visitor reviews with the visitor's own rating — closing the loop
/// scrape → train → publish → serve.
/// </summary>
public static class TrainingExport
{
    public static async Task<(int Collected, int Visitors)> WriteAsync(ICrawlStore crawl, IReviewStore reviews, TextWriter output, CancellationToken ct)
    {
        output.Write("text,stars,title,company,date,lang,source,origin\n");
        var collected = 0;
        await foreach (var r in crawl.ExportCollectedAsync(ct))
        {
            Row(output, r.Text, r.Rating, r.Title, r.BrandId, r.PublishedAt, r.Language ?? "", "trustpilot", $"trustpilot:{r.Id}");
            collected++;
        }
        var visitors = 0;
        string? after = null;
        do
        {
            var page = await reviews.ListReviewsAsync(after, 100, null, ct);
            foreach (var r in page.Items)
            {
                Row(output, r.Text, r.Rating, "", r.BrandId, r.CreatedAt, "", "reviewpulse", $"reviewpulse:{r.Id}");
                visitors++;
            }
            after = page.Next;
        }
        while (after is not null);
        return (collected, visitors);
    }

    private static void Row(TextWriter output, string text, int stars, string title, string company, DateTimeOffset date, string language, string source, string origin)
    {
        string[] fields = [text, stars.ToString(CultureInfo.InvariantCulture), title, company, date.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), language, source, origin];
        output.Write(string.Join(',', fields.Select(Escape)));
        output.Write('\n');
    }

    private static string Escape(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? new StringBuilder("\"").Append(value.Replace("\"", "\"\"")).Append('"').ToString() : value;
}
