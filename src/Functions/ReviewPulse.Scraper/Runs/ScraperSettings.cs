using Amazon.DynamoDBv2;
using Microsoft.Extensions.Configuration;
using ReviewPulse.Core.Crawling;
using ReviewPulse.Scraper.Crawling;
using ReviewPulse.Core.Reviews;
using ReviewPulse.Storage.DynamoDb;
using ReviewPulse.Storage.Sqlite;

namespace ReviewPulse.Scraper.Runs;

/// <summary>
/// The scraper's settings, bound from the same "ReviewPulse" section as the API (environment variables
/// <c>ReviewPulse__Store</c>, <c>ReviewPulse__Scraper__Categories</c>, …); command-line options override them.
/// </summary>
public sealed class ScraperSettings
{
    public string Store { get; set; } = "sqlite";

    public string SqlitePath { get; set; } = "data/reviewpulse.db";

    public string? DynamoDbTable { get; set; }

    public string Categories { get; set; } = "";

    public string Businesses { get; set; } = "";

    public string Language { get; set; } = "en";

    public double DelaySeconds { get; set; } = 2;

    public int MaxBusinesses { get; set; } = 200;

    public int MaxPagesPerBusiness { get; set; } = 50;

    public string BaseUrl { get; set; } = "https://www.trustpilot.com/";

    public static ScraperSettings Load()
    {
        var config = new ConfigurationBuilder().AddEnvironmentVariables().Build().GetSection("ReviewPulse");
        var settings = new ScraperSettings();
        config.GetSection("Scraper").Bind(settings);
        settings.Store = config["Store"] ?? settings.Store;
        settings.SqlitePath = config["Sqlite:Path"] ?? settings.SqlitePath;
        settings.DynamoDbTable = config["DynamoDb:Table"] ?? settings.DynamoDbTable;
        return settings;
    }

    /// <summary>Problems that stop a run, each naming its variable.</summary>
    public IEnumerable<string> Validate()
    {
        if (Store is not ("sqlite" or "dynamodb"))
        {
            yield return $"ReviewPulse__Store must be 'sqlite' or 'dynamodb', not '{Store}'.";
        }
        if (Store == "dynamodb" && string.IsNullOrWhiteSpace(DynamoDbTable))
        {
            yield return "ReviewPulse__DynamoDb__Table must name the DynamoDB table.";
        }
        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out _))
        {
            yield return $"ReviewPulse__Scraper__BaseUrl '{BaseUrl}' is not an absolute URL.";
        }
        if (DelaySeconds < 0)
        {
            yield return "ReviewPulse__Scraper__DelaySeconds must not be negative.";
        }
    }

    public CrawlOptions CrawlOptions(TimeSpan safetyMargin) => new()
    {
        BaseUrl = new Uri(BaseUrl.EndsWith('/') ? BaseUrl : BaseUrl + "/"),
        Categories = Split(Categories),
        Businesses = Split(Businesses),
        Language = Language,
        MaxBusinesses = MaxBusinesses,
        MaxPagesPerBusiness = MaxPagesPerBusiness,
        SafetyMargin = safetyMargin,
    };

    /// <summary>The stores the settings name (SQLite file or DynamoDB table; AWS_ENDPOINT_URL for LocalStack/moto).</summary>
    public (ICrawlStore Crawl, IReviewStore Reviews) OpenStores()
    {
        if (Store == "dynamodb")
        {
            var config = new AmazonDynamoDBConfig();
            if (Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL") is { Length: > 0 } endpoint)
            {
                config.ServiceURL = endpoint;
                config.AuthenticationRegion = Environment.GetEnvironmentVariable("AWS_REGION") ?? "us-east-1";
            }
            var client = new AmazonDynamoDBClient(config);
            return (new DynamoDbCrawlStore(client, DynamoDbTable!), new DynamoDbReviewStore(client, DynamoDbTable!));
        }
        return (new SqliteCrawlStore(SqlitePath), new SqliteReviewStore(SqlitePath));
    }

    private static string[] Split(string list) => list.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
