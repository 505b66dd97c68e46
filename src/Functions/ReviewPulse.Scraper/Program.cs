using System.CommandLine;
using Microsoft.Extensions.Logging;
using ReviewPulse.Lambda.Runtime;
using ReviewPulse.Scraper.Parsing;
using ReviewPulse.Scraper;
using ReviewPulse.Scraper.Runs;

// In Lambda (AWS_LAMBDA_RUNTIME_API set) this is the scheduled crawler; otherwise a command line.
if (LambdaHosting.RuntimeApi is { } runtimeApi)
{
    return await ScheduledFunction.RunAsync(runtimeApi, CancellationToken.None);
}

var root = new RootCommand("ReviewPulse scraper: parse a page, crawl Trustpilot politely, export reviews for training.");

var file = new Argument<string>("file") { Description = "A saved Trustpilot page (.html) or its __NEXT_DATA__ (.json)" };
var parse = new Command("parse", "Print one page as JSON: reviews, business, pagination.") { file };
parse.SetAction(r => ParseCommand.Run(r.GetValue(file)!));
root.Subcommands.Add(parse);

var categories = new Option<string?>("--categories") { Description = "Comma-separated category ids (e.g. animals_pets)" };
var businesses = new Option<string?>("--businesses") { Description = "Comma-separated business domains" };
var language = new Option<string?>("--language") { Description = "Review language kept (default en; 'all' keeps every one)" };
var delay = new Option<double?>("--delay") { Description = "Seconds between requests to one host (default 2)" };
var maxBusinesses = new Option<int?>("--max-businesses");
var maxPages = new Option<int?>("--max-pages") { Description = "Pages per business" };
var minutes = new Option<double>("--minutes") { Description = "Stop (resumably) after this long", DefaultValueFactory = _ => 10 };
var baseUrl = new Option<string?>("--base-url") { Description = "Site to crawl (default https://www.trustpilot.com/)" };
var scrape = new Command("scrape", "Crawl categories and businesses into the store (SQLite by default).")
    { categories, businesses, language, delay, maxBusinesses, maxPages, minutes, baseUrl };
scrape.SetAction(async (r, ct) =>
{
    var settings = ScraperSettings.Load();
    settings.Categories = r.GetValue(categories) ?? settings.Categories;
    settings.Businesses = r.GetValue(businesses) ?? settings.Businesses;
    settings.Language = r.GetValue(language) ?? settings.Language;
    settings.DelaySeconds = r.GetValue(delay) ?? settings.DelaySeconds;
    settings.MaxBusinesses = r.GetValue(maxBusinesses) ?? settings.MaxBusinesses;
    settings.MaxPagesPerBusiness = r.GetValue(maxPages) ?? settings.MaxPagesPerBusiness;
    settings.BaseUrl = r.GetValue(baseUrl) ?? settings.BaseUrl;
    using var logging = LoggerFactory.Create(b => b.AddSimpleConsole());
    try
    {
        var report = await ScrapeRun.RunAsync(settings, DateTimeOffset.UtcNow.AddMinutes(r.GetValue(minutes)), TimeSpan.Zero, logging, ct);
        Console.WriteLine(ScrapeRun.ToJson(report));
        return 0;
    }
    catch (InvalidOperationException e)
    {
        Console.Error.WriteLine($"error: {e.Message}");
        return 2;
    }
});
root.Subcommands.Add(scrape);

var output = new Option<string>("--output") { Description = "CSV to write in the trainer's corpus format", Required = true };
var export = new Command("export", "Write stored reviews (collected and visitors') as a training corpus.") { output };
export.SetAction(async (r, ct) =>
{
    var settings = ScraperSettings.Load();
    var (crawl, reviews) = settings.OpenStores();
    await reviews.InitializeAsync(ct);
    await crawl.InitializeAsync(ct);
    await using var writer = new StreamWriter(r.GetValue(output)!, false, new System.Text.UTF8Encoding(false));
    var (collected, visitors) = await TrainingExport.WriteAsync(crawl, reviews, writer, ct);
    Console.Error.WriteLine($"exported {collected} collected and {visitors} visitor reviews");
    return 0;
});
root.Subcommands.Add(export);

return await root.Parse(args).InvokeAsync();
