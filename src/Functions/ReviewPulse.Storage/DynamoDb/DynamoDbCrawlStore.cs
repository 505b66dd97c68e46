using System.Globalization;
using System.Runtime.CompilerServices;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using static ReviewPulse.Storage.DynamoDb.DynamoDbItems;
using ReviewPulse.Core.Crawling;

namespace ReviewPulse.Storage.DynamoDb;

/// <summary>
/// The crawler's AWS store, in the same table: collected reviews <c>BRAND#domain</c>/<c>TPREV#publishedAt#id</c>
/// (conditional puts, so a review id is stored once), state <c>CRAWL#domain</c>/<c>STATE</c> with an optimistic
/// version, and the run lease <c>LOCK#crawler</c>/<c>LOCK</c>.
/// </summary>
public sealed class DynamoDbCrawlStore(IAmazonDynamoDB dynamo, string table, bool createTableIfMissing = false) : ICrawlStore
{

    public Task InitializeAsync(CancellationToken ct) => new DynamoDbReviewStore(dynamo, table, createTableIfMissing).InitializeAsync(ct);

    public async Task<int> AddCollectedReviewsAsync(IReadOnlyList<CollectedReview> reviews, CancellationToken ct)
    {
        var added = 0;
        foreach (var r in reviews)
        {
            try
            {
                await dynamo.PutItemAsync(new PutItemRequest
                {
                    TableName = table,
                    Item = new()
                    {
                        ["PK"] = S($"BRAND#{r.BrandId}"), ["SK"] = S($"TPREV#{Time(r.PublishedAt)}#{r.Id}"), ["id"] = S(r.Id), ["brandId"] = S(r.BrandId),
                        ["rating"] = N(r.Rating), ["title"] = S(r.Title), ["text"] = S(r.Text), ["language"] = S(r.Language ?? ""), ["publishedAt"] = S(Time(r.PublishedAt)),
                    },
                    ConditionExpression = "attribute_not_exists(PK)",
                }, ct);
                added++;
            }
            catch (ConditionalCheckFailedException)
            {
                // Already stored: a duplicate, not an error.
            }
        }
        return added;
    }

    public async Task<CrawlState?> GetCrawlStateAsync(string brandId, CancellationToken ct)
    {
        var response = await dynamo.GetItemAsync(new GetItemRequest { TableName = table, Key = Key($"CRAWL#{brandId}", "STATE"), ConsistentRead = true }, ct);
        if (response.Item is not { Count: > 0 } i)
        {
            return null;
        }
        return new CrawlState(brandId, i["status"].S, int.Parse(i["nextPage"].N, CultureInfo.InvariantCulture), OptionalTime(i, "newestSeen"),
            OptionalTime(i, "crawlNewestSeen"), int.Parse(i["failures"].N, CultureInfo.InvariantCulture), i.TryGetValue("lastError", out var e) ? e.S : null,
            ParseTime(i["updatedAt"].S), long.Parse(i["version"].N, CultureInfo.InvariantCulture));
    }

    public async Task<CrawlState?> SaveCrawlStateAsync(CrawlState s, CancellationToken ct)
    {
        var item = new Dictionary<string, AttributeValue>
        {
            ["PK"] = S($"CRAWL#{s.BrandId}"), ["SK"] = S("STATE"), ["status"] = S(s.Status), ["nextPage"] = N(s.NextPage), ["failures"] = N(s.Failures),
            ["updatedAt"] = S(Time(s.UpdatedAt)), ["version"] = N(s.Version + 1),
        };
        if (s.NewestSeen is { } newest)
        {
            item["newestSeen"] = S(Time(newest));
        }
        if (s.CrawlNewestSeen is { } crawlNewest)
        {
            item["crawlNewestSeen"] = S(Time(crawlNewest));
        }
        if (s.LastError is { } error)
        {
            item["lastError"] = S(error);
        }
        try
        {
            await dynamo.PutItemAsync(new PutItemRequest
            {
                TableName = table,
                Item = item,
                ConditionExpression = s.Version == 0 ? "attribute_not_exists(PK)" : "version = :v",
                ExpressionAttributeValues = s.Version == 0 ? null : new() { [":v"] = N(s.Version) },
            }, ct);
            return s with { Version = s.Version + 1 };
        }
        catch (ConditionalCheckFailedException)
        {
            return null;
        }
    }

    public async Task<bool> TryAcquireLeaseAsync(string owner, DateTimeOffset now, TimeSpan duration, CancellationToken ct)
    {
        try
        {
            await dynamo.PutItemAsync(new PutItemRequest
            {
                TableName = table,
                Item = new() { ["PK"] = S("LOCK#crawler"), ["SK"] = S("LOCK"), ["owner"] = S(owner), ["expiresAt"] = S(Time(now + duration)) },
                ConditionExpression = "attribute_not_exists(PK) OR expiresAt < :now OR #owner = :me",
                ExpressionAttributeNames = new() { ["#owner"] = "owner" },
                ExpressionAttributeValues = new() { [":now"] = S(Time(now)), [":me"] = S(owner) },
            }, ct);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    public async Task ReleaseLeaseAsync(string owner, CancellationToken ct)
    {
        try
        {
            await dynamo.DeleteItemAsync(new DeleteItemRequest
            {
                TableName = table,
                Key = Key("LOCK#crawler", "LOCK"),
                ConditionExpression = "#owner = :me",
                ExpressionAttributeNames = new() { ["#owner"] = "owner" },
                ExpressionAttributeValues = new() { [":me"] = S(owner) },
            }, ct);
        }
        catch (ConditionalCheckFailedException)
        {
            // Someone else holds it now (ours expired): leave theirs alone.
        }
    }

    /// <summary>A scan filtered to collected reviews: an offline export, never on a request path.</summary>
    public async IAsyncEnumerable<CollectedReview> ExportCollectedAsync([EnumeratorCancellation] CancellationToken ct)
    {
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await dynamo.ScanAsync(new ScanRequest
            {
                TableName = table,
                FilterExpression = "begins_with(SK, :p)",
                ExpressionAttributeValues = new() { [":p"] = S("TPREV#") },
                ExclusiveStartKey = start,
            }, ct);
            foreach (var i in page.Items ?? [])
            {
                var language = i["language"].S;
                yield return new CollectedReview(i["id"].S, i["brandId"].S, int.Parse(i["rating"].N, CultureInfo.InvariantCulture), i["title"].S, i["text"].S,
                    language.Length == 0 ? null : language, ParseTime(i["publishedAt"].S));
            }
            start = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (start is not null);
    }

}
