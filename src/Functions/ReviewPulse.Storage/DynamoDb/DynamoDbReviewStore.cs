using System.Globalization;
using System.Text;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using static ReviewPulse.Storage.DynamoDb.DynamoDbItems;
using ReviewPulse.Core.Reviews;

namespace ReviewPulse.Storage.DynamoDb;

/// <summary>
/// The AWS store: one table with PK/SK and a sparse GSI1 (keys as in docs/architecture.md). A submission is one
/// transaction — the review, a guard item on its submission id, an id pointer, the brand's counters and the stats
/// counters — so a duplicate or a failure leaves nothing half-written.
/// </summary>
public sealed class DynamoDbReviewStore(IAmazonDynamoDB dynamo, string table, bool createTableIfMissing = false) : IReviewStore
{
    private const string Gsi = "GSI1";

    public async Task InitializeAsync(CancellationToken ct)
    {
        try
        {
            await dynamo.DescribeTableAsync(table, ct);
        }
        catch (ResourceNotFoundException) when (createTableIfMissing)
        {
            await dynamo.CreateTableAsync(TableDefinition(table), ct);
        }
    }

    /// <summary>The table's schema, shared with the CDK stack's expectations and the tests.</summary>
    public static CreateTableRequest TableDefinition(string name) => new()
    {
        TableName = name,
        BillingMode = BillingMode.PAY_PER_REQUEST,
        AttributeDefinitions = [new("PK", ScalarAttributeType.S), new("SK", ScalarAttributeType.S), new("GSI1PK", ScalarAttributeType.S), new("GSI1SK", ScalarAttributeType.S)],
        KeySchema = [new("PK", KeyType.HASH), new("SK", KeyType.RANGE)],
        GlobalSecondaryIndexes =
        [
            new GlobalSecondaryIndex
            {
                IndexName = Gsi,
                KeySchema = [new("GSI1PK", KeyType.HASH), new("GSI1SK", KeyType.RANGE)],
                Projection = new Projection { ProjectionType = ProjectionType.ALL },
            },
        ],
    };

    public async Task<bool> PingAsync(CancellationToken ct)
    {
        try
        {
            return (await dynamo.DescribeTableAsync(table, ct)).Table.TableStatus == TableStatus.ACTIVE;
        }
        catch (AmazonDynamoDBException)
        {
            return false;
        }
    }

    public async Task<int> AddBrandsAsync(IReadOnlyList<Brand> brands, CancellationToken ct)
    {
        var added = 0;
        foreach (var b in brands)
        {
            try
            {
                await dynamo.PutItemAsync(new PutItemRequest
                {
                    TableName = table,
                    Item = BrandItem(b),
                    ConditionExpression = "attribute_not_exists(PK)",
                }, ct);
                added++;
            }
            catch (ConditionalCheckFailedException)
            {
                // Already stored: inserts are idempotent.
            }
        }
        return added;
    }

    public async Task<Brand?> GetBrandAsync(string id, CancellationToken ct) => (await GetBrandItem(id, ct)) is { } item ? ReadBrand(item) : null;

    public async Task<BrandSummary?> GetBrandSummaryAsync(string id, CancellationToken ct)
    {
        if (await GetBrandItem(id, ct) is not { } item)
        {
            return null;
        }
        var count = Number(item, "reviewCount");
        var sum = Number(item, "ratingSum");
        return new BrandSummary(ReadBrand(item), count, count > 0 ? (double)sum / count : null);
    }

    public async Task<Page<Brand>> ListBrandsAsync(string? after, int limit, CancellationToken ct)
    {
        var response = await dynamo.QueryAsync(new QueryRequest
        {
            TableName = table,
            IndexName = Gsi,
            KeyConditionExpression = "GSI1PK = :p",
            ExpressionAttributeValues = new() { [":p"] = S("BRANDS") },
            Limit = limit,
            ExclusiveStartKey = DecodeKey(after),
        }, ct);
        return new Page<Brand>([.. (response.Items ?? []).Select(ReadBrand)], EncodeKey(response.LastEvaluatedKey));
    }

    /// <summary>Probes the brand index at a random key; brands after wide gaps in the key space come up more often.</summary>
    public async Task<Brand?> RandomBrandAsync(CancellationToken ct)
    {
        var probe = string.Concat((char)('a' + Random.Shared.Next(26)), (char)('a' + Random.Shared.Next(26)));
        foreach (var fromProbe in new[] { true, false })
        {
            var request = new QueryRequest
            {
                TableName = table,
                IndexName = Gsi,
                KeyConditionExpression = fromProbe ? "GSI1PK = :p AND GSI1SK >= :k" : "GSI1PK = :p",
                ExpressionAttributeValues = new() { [":p"] = S("BRANDS") },
                Limit = 1,
            };
            if (fromProbe)
            {
                request.ExpressionAttributeValues[":k"] = S(probe);
            }
            var response = await dynamo.QueryAsync(request, ct);
            if (response.Items is [var item, ..])
            {
                return ReadBrand(item);
            }
        }
        return null;
    }

    public async Task<SubmitResult> SubmitReviewAsync(VisitorReview review, CancellationToken ct)
    {
        var created = Time(review.CreatedAt);
        var sk = $"UREV#{created}#{review.Id}";
        var item = ReviewItem(review, created, sk);
        var day = created[..10];
        try
        {
            await dynamo.TransactWriteItemsAsync(new TransactWriteItemsRequest
            {
                TransactItems =
                [
                    new() { Put = new Put { TableName = table, Item = item, ConditionExpression = "attribute_not_exists(PK)" } },
                    new() { Put = new Put { TableName = table, Item = Pointer($"SUB#{review.SubmissionId}", review.BrandId, sk), ConditionExpression = "attribute_not_exists(PK)" } },
                    new() { Put = new Put { TableName = table, Item = Pointer($"REVIEW#{review.Id}", review.BrandId, sk), ConditionExpression = "attribute_not_exists(PK)" } },
                    new() { Update = Counter(Key($"BRAND#{review.BrandId}", "META"), "reviewCount", 1, "ratingSum", review.Rating, "attribute_exists(PK)") },
                    new() { Update = Counter(Key("STATS", StatsCell(review)), "n", 1) },
                    new() { Update = Counter(Key("STATS", $"DAY#{day}"), "n", 1) },
                ],
            }, ct);
            return new SubmitResult(review, true);
        }
        catch (TransactionCanceledException e) when (e.CancellationReasons?.ElementAtOrDefault(1)?.Code == "ConditionalCheckFailed")
        {
            var existing = await FollowPointer($"SUB#{review.SubmissionId}", ct)
                ?? throw new InvalidOperationException($"Submission {review.SubmissionId} is marked stored but its review is missing.");
            return new SubmitResult(existing, false);
        }
        catch (TransactionCanceledException e) when (e.CancellationReasons?.ElementAtOrDefault(3)?.Code == "ConditionalCheckFailed")
        {
            throw new KeyNotFoundException($"Brand '{review.BrandId}' does not exist.");
        }
    }

    public async Task<Page<VisitorReview>> ListReviewsAsync(string? after, int limit, string? brandId, CancellationToken ct)
    {
        var request = brandId is null
            ? new QueryRequest
            {
                TableName = table,
                IndexName = Gsi,
                KeyConditionExpression = "GSI1PK = :p",
                ExpressionAttributeValues = new() { [":p"] = S("UREV") },
            }
            : new QueryRequest
            {
                TableName = table,
                KeyConditionExpression = "PK = :p AND begins_with(SK, :s)",
                ExpressionAttributeValues = new() { [":p"] = S($"BRAND#{brandId}"), [":s"] = S("UREV#") },
            };
        request.ScanIndexForward = false;
        request.Limit = limit;
        request.ExclusiveStartKey = DecodeKey(after);
        var response = await dynamo.QueryAsync(request, ct);
        return new Page<VisitorReview>([.. (response.Items ?? []).Select(ReadReview)], EncodeKey(response.LastEvaluatedKey));
    }

    public async Task<bool> DeleteReviewAsync(string id, CancellationToken ct)
    {
        if (await FollowPointer($"REVIEW#{id}", ct) is not { } review)
        {
            return false;
        }
        var created = Time(review.CreatedAt);
        try
        {
            await dynamo.TransactWriteItemsAsync(new TransactWriteItemsRequest
            {
                TransactItems =
                [
                    new() { Delete = new Delete { TableName = table, Key = Key($"BRAND#{review.BrandId}", $"UREV#{created}#{review.Id}"), ConditionExpression = "attribute_exists(PK)" } },
                    new() { Delete = new Delete { TableName = table, Key = Key($"REVIEW#{id}", "POINTER") } },
                    new() { Delete = new Delete { TableName = table, Key = Key($"SUB#{review.SubmissionId}", "POINTER") } },
                    new() { Update = Counter(Key($"BRAND#{review.BrandId}", "META"), "reviewCount", -1, "ratingSum", -review.Rating) },
                    new() { Update = Counter(Key("STATS", StatsCell(review)), "n", -1) },
                    new() { Update = Counter(Key("STATS", $"DAY#{created[..10]}"), "n", -1) },
                ],
            }, ct);
            return true;
        }
        catch (TransactionCanceledException)
        {
            return false; // deleted concurrently
        }
    }

    public async Task<ReviewStats> GetStatsAsync(CancellationToken ct)
    {
        var matrix = Enumerable.Range(0, 5).Select(_ => new long[5]).ToArray();
        var byRating = new long[5];
        var perDay = new List<DailyCount>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var response = await dynamo.QueryAsync(new QueryRequest
            {
                TableName = table,
                KeyConditionExpression = "PK = :p",
                ExpressionAttributeValues = new() { [":p"] = S("STATS") },
                ExclusiveStartKey = start,
            }, ct);
            foreach (var item in response.Items ?? [])
            {
                var sk = item["SK"].S;
                var n = Number(item, "n");
                if (sk.StartsWith("CELL#", StringComparison.Ordinal))
                {
                    var parts = sk.Split('#');
                    var rating = int.Parse(parts[1], CultureInfo.InvariantCulture);
                    byRating[rating - 1] += n;
                    if (int.TryParse(parts[2], CultureInfo.InvariantCulture, out var suggested))
                    {
                        matrix[rating - 1][Math.Clamp(suggested, 1, 5) - 1] += n;
                    }
                }
                else if (n > 0)
                {
                    perDay.Add(new DailyCount(sk[4..], n));
                }
            }
            start = response.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (start is not null);
        return new ReviewStats(byRating.Sum(), byRating, matrix, [.. perDay.OrderBy(d => d.Day, StringComparer.Ordinal).TakeLast(90)]);
    }

    private async Task<Dictionary<string, AttributeValue>?> GetBrandItem(string id, CancellationToken ct)
    {
        var response = await dynamo.GetItemAsync(new GetItemRequest { TableName = table, Key = Key($"BRAND#{id}", "META") }, ct);
        return response.Item is { Count: > 0 } item ? item : null;
    }

    private async Task<VisitorReview?> FollowPointer(string pk, CancellationToken ct)
    {
        var pointer = await dynamo.GetItemAsync(new GetItemRequest { TableName = table, Key = Key(pk, "POINTER"), ConsistentRead = true }, ct);
        if (pointer.Item is not { Count: > 0 } p)
        {
            return null;
        }
        var review = await dynamo.GetItemAsync(new GetItemRequest { TableName = table, Key = Key(p["targetPK"].S, p["targetSK"].S), ConsistentRead = true }, ct);
        return review.Item is { Count: > 0 } item ? ReadReview(item) : null;
    }

    private static string StatsCell(VisitorReview r) => $"CELL#{r.Rating}#{r.Model?.SuggestedRating.ToString(CultureInfo.InvariantCulture) ?? "none"}";

    private Update Counter(Dictionary<string, AttributeValue> key, string name, long delta, string? second = null, long secondDelta = 0, string? condition = null)
    {
        var values = new Dictionary<string, AttributeValue> { [":a"] = N(delta) };
        var expression = $"ADD {name} :a";
        if (second is not null)
        {
            values[":b"] = N(secondDelta);
            expression += $", {second} :b";
        }
        return new Update { TableName = table, Key = key, UpdateExpression = expression, ExpressionAttributeValues = values, ConditionExpression = condition };
    }

    private static Dictionary<string, AttributeValue> BrandItem(Brand b)
    {
        var item = new Dictionary<string, AttributeValue>
        {
            ["PK"] = S($"BRAND#{b.Id}"), ["SK"] = S("META"), ["GSI1PK"] = S("BRANDS"), ["GSI1SK"] = S(b.Id),
            ["id"] = S(b.Id), ["name"] = S(b.Name), ["category"] = S(b.Category), ["reviewCount"] = N(0), ["ratingSum"] = N(0),
        };
        if (b.LogoUrl is not null)
        {
            item["logoUrl"] = S(b.LogoUrl);
        }
        return item;
    }

    private static Dictionary<string, AttributeValue> ReviewItem(VisitorReview r, string created, string sk)
    {
        var item = new Dictionary<string, AttributeValue>
        {
            ["PK"] = S($"BRAND#{r.BrandId}"), ["SK"] = S(sk), ["GSI1PK"] = S("UREV"), ["GSI1SK"] = S($"{created}#{r.Id}"),
            ["id"] = S(r.Id), ["brandId"] = S(r.BrandId), ["text"] = S(r.Text), ["rating"] = N(r.Rating), ["submissionId"] = S(r.SubmissionId),
            ["createdAt"] = S(created), ["clientKey"] = S(r.ClientKey),
        };
        if (r.Model is { } m)
        {
            item["label"] = S(m.Label);
            item["pNegative"] = F(m.Negative);
            item["pNeutral"] = F(m.Neutral);
            item["pPositive"] = F(m.Positive);
            item["score"] = F(m.Score);
            item["suggestedRating"] = N(m.SuggestedRating);
            item["modelVersion"] = S(m.ModelVersion);
        }
        return item;
    }

    private static Dictionary<string, AttributeValue> Pointer(string pk, string brandId, string sk) => new()
    {
        ["PK"] = S(pk), ["SK"] = S("POINTER"), ["targetPK"] = S($"BRAND#{brandId}"), ["targetSK"] = S(sk),
    };

    private static Brand ReadBrand(Dictionary<string, AttributeValue> i) =>
        new(i["id"].S, i["name"].S, i["category"].S, i.TryGetValue("logoUrl", out var logo) ? logo.S : null);

    private static VisitorReview ReadReview(Dictionary<string, AttributeValue> i) => new(
        i["id"].S, i["brandId"].S, i["text"].S, (int)Number(i, "rating"), i["submissionId"].S,
        ParseTime(i["createdAt"].S),
        i.TryGetValue("label", out var label)
            ? new ModelOpinion(label.S, Float(i, "pNegative"), Float(i, "pNeutral"), Float(i, "pPositive"), Float(i, "score"), (int)Number(i, "suggestedRating"), i["modelVersion"].S)
            : null,
        i["clientKey"].S);

    /// <summary>DynamoDB's LastEvaluatedKey (all string attributes here) as compact JSON, base64url-encoded.</summary>
    private static string? EncodeKey(Dictionary<string, AttributeValue>? key) =>
        key is { Count: > 0 } ? Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(key.ToDictionary(kv => kv.Key, kv => kv.Value.S), StorageJson.Default.DictionaryStringString)) : null;

    private static Dictionary<string, AttributeValue>? DecodeKey(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }
        try
        {
            var values = JsonSerializer.Deserialize(Convert.FromBase64String(token), StorageJson.Default.DictionaryStringString);
            return values?.ToDictionary(kv => kv.Key, kv => S(kv.Value));
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            throw new ArgumentException("The page position is not valid.", nameof(token), e);
        }
    }
}
