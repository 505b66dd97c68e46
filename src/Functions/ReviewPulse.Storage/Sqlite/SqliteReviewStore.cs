using Microsoft.Data.Sqlite;
using ReviewPulse.Core.Reviews;

namespace ReviewPulse.Storage.Sqlite;

/// <summary>The local store: one SQLite file, created with its schema on first start.</summary>
public sealed class SqliteReviewStore(string path) : IReviewStore
{
    private readonly string _connectionString = SqliteDatabase.ConnectionString(path);

    public async Task InitializeAsync(CancellationToken ct)
    {
        SqliteDatabase.EnsureDirectory(path);
        await using var db = await SqliteDatabase.OpenAsync(_connectionString, ct);
        await SqliteDatabase.ExecuteAsync(db, """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS brands (
                id TEXT PRIMARY KEY, name TEXT NOT NULL, category TEXT NOT NULL, logo_url TEXT);
            CREATE TABLE IF NOT EXISTS reviews (
                id TEXT PRIMARY KEY, brand_id TEXT NOT NULL REFERENCES brands(id), text TEXT NOT NULL,
                rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5), submission_id TEXT NOT NULL UNIQUE,
                created_at TEXT NOT NULL, label TEXT, p_negative REAL, p_neutral REAL, p_positive REAL, score REAL,
                suggested_rating INTEGER, model_version TEXT, client_key TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS reviews_by_time ON reviews (created_at DESC, id DESC);
            CREATE INDEX IF NOT EXISTS reviews_by_brand ON reviews (brand_id, created_at DESC, id DESC);
            """, ct);
    }

    public async Task<bool> PingAsync(CancellationToken ct)
    {
        try
        {
            await using var db = await SqliteDatabase.OpenAsync(_connectionString, ct);
            await using var cmd = SqliteDatabase.Command(db, "SELECT count(*) FROM brands");
            await cmd.ExecuteScalarAsync(ct);
            return true;
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    public async Task<int> AddBrandsAsync(IReadOnlyList<Brand> brands, CancellationToken ct)
    {
        await using var db = await SqliteDatabase.OpenAsync(_connectionString, ct);
        await using var tx = (SqliteTransaction)await db.BeginTransactionAsync(ct);
        var added = 0;
        foreach (var b in brands)
        {
            await using var cmd = SqliteDatabase.Command(db, "INSERT INTO brands (id, name, category, logo_url) VALUES ($id, $name, $category, $logo) ON CONFLICT(id) DO NOTHING",
                ("$id", b.Id), ("$name", b.Name), ("$category", b.Category), ("$logo", b.LogoUrl));
            cmd.Transaction = tx;
            added += await cmd.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        return added;
    }

    public async Task<Brand?> GetBrandAsync(string id, CancellationToken ct)
    {
        await using var db = await SqliteDatabase.OpenAsync(_connectionString, ct);
        await using var cmd = SqliteDatabase.Command(db, "SELECT id, name, category, logo_url FROM brands WHERE id = $id", ("$id", id));
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? ReadBrand(r) : null;
    }

    public async Task<BrandSummary?> GetBrandSummaryAsync(string id, CancellationToken ct)
    {
        var brand = await GetBrandAsync(id, ct);
        if (brand is null)
        {
            return null;
        }
        await using var db = await SqliteDatabase.OpenAsync(_connectionString, ct);
        await using var cmd = SqliteDatabase.Command(db, "SELECT count(*), avg(rating) FROM reviews WHERE brand_id = $id", ("$id", id));
        await using var r = await cmd.ExecuteReaderAsync(ct);
        await r.ReadAsync(ct);
        return new BrandSummary(brand, r.GetInt64(0), r.IsDBNull(1) ? null : r.GetDouble(1));
    }

    public async Task<Page<Brand>> ListBrandsAsync(string? after, int limit, CancellationToken ct)
    {
        await using var db = await SqliteDatabase.OpenAsync(_connectionString, ct);
        await using var cmd = SqliteDatabase.Command(db, "SELECT id, name, category, logo_url FROM brands WHERE id > $after ORDER BY id LIMIT $limit",
            ("$after", after ?? ""), ("$limit", limit + 1));
        var items = new List<Brand>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            items.Add(ReadBrand(r));
        }
        return items.Count > limit ? new Page<Brand>(items[..limit], items[limit - 1].Id) : new Page<Brand>(items, null);
    }

    public async Task<Brand?> RandomBrandAsync(CancellationToken ct)
    {
        await using var db = await SqliteDatabase.OpenAsync(_connectionString, ct);
        await using var count = SqliteDatabase.Command(db, "SELECT count(*) FROM brands");
        var n = (long)(await count.ExecuteScalarAsync(ct))!;
        if (n == 0)
        {
            return null;
        }
        await using var cmd = SqliteDatabase.Command(db, "SELECT id, name, category, logo_url FROM brands ORDER BY id LIMIT 1 OFFSET $offset", ("$offset", Random.Shared.NextInt64(n)));
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? ReadBrand(r) : null;
    }

    public async Task<SubmitResult> SubmitReviewAsync(VisitorReview review, CancellationToken ct)
    {
        await using var db = await SqliteDatabase.OpenAsync(_connectionString, ct);
        var m = review.Model;
        await using var insert = SqliteDatabase.Command(db, """
            INSERT INTO reviews (id, brand_id, text, rating, submission_id, created_at, label, p_negative, p_neutral, p_positive,
                score, suggested_rating, model_version, client_key)
            VALUES ($id, $brand, $text, $rating, $submission, $created, $label, $pn, $pu, $pp, $score, $suggested, $version, $client)
            ON CONFLICT(submission_id) DO NOTHING
            """,
            ("$id", review.Id), ("$brand", review.BrandId), ("$text", review.Text), ("$rating", review.Rating),
            ("$submission", review.SubmissionId), ("$created", SqliteDatabase.Time(review.CreatedAt)),
            ("$label", m?.Label), ("$pn", m?.Negative), ("$pu", m?.Neutral), ("$pp", m?.Positive), ("$score", m?.Score),
            ("$suggested", m?.SuggestedRating), ("$version", m?.ModelVersion), ("$client", review.ClientKey));
        try
        {
            if (await insert.ExecuteNonQueryAsync(ct) == 1)
            {
                return new SubmitResult(review, true);
            }
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 19 && e.Message.Contains("FOREIGN KEY", StringComparison.Ordinal))
        {
            throw new KeyNotFoundException($"Brand '{review.BrandId}' does not exist.", e);
        }
        await using var existing = SqliteDatabase.Command(db, $"{SelectReview} WHERE submission_id = $submission", ("$submission", review.SubmissionId));
        await using var r = await existing.ExecuteReaderAsync(ct);
        await r.ReadAsync(ct);
        return new SubmitResult(ReadReview(r), false);
    }

    public async Task<Page<VisitorReview>> ListReviewsAsync(string? after, int limit, string? brandId, CancellationToken ct)
    {
        var (afterTime, afterId) = after?.Split('|', 2) is [var t, var i] ? (t, i) : ("9999", "");
        await using var db = await SqliteDatabase.OpenAsync(_connectionString, ct);
        await using var cmd = SqliteDatabase.Command(db, $"""
            {SelectReview}
            WHERE ($brand IS NULL OR brand_id = $brand) AND (created_at < $t OR (created_at = $t AND id < $i))
            ORDER BY created_at DESC, id DESC LIMIT $limit
            """, ("$brand", brandId), ("$t", afterTime), ("$i", afterId), ("$limit", limit + 1));
        var items = new List<VisitorReview>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            items.Add(ReadReview(r));
        }
        if (items.Count <= limit)
        {
            return new Page<VisitorReview>(items, null);
        }
        var last = items[limit - 1];
        return new Page<VisitorReview>(items[..limit], $"{SqliteDatabase.Time(last.CreatedAt)}|{last.Id}");
    }

    public async Task<bool> DeleteReviewAsync(string id, CancellationToken ct)
    {
        await using var db = await SqliteDatabase.OpenAsync(_connectionString, ct);
        await using var cmd = SqliteDatabase.Command(db, "DELETE FROM reviews WHERE id = $id", ("$id", id));
        return await cmd.ExecuteNonQueryAsync(ct) == 1;
    }

    public async Task<ReviewStats> GetStatsAsync(CancellationToken ct)
    {
        await using var db = await SqliteDatabase.OpenAsync(_connectionString, ct);
        var matrix = new long[5][];
        for (var i = 0; i < 5; i++)
        {
            matrix[i] = new long[5];
        }
        var byRating = new long[5];
        await using (var cmd = SqliteDatabase.Command(db, "SELECT rating, suggested_rating, count(*) FROM reviews GROUP BY rating, suggested_rating"))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
            {
                byRating[r.GetInt32(0) - 1] += r.GetInt64(2);
                if (!r.IsDBNull(1))
                {
                    matrix[r.GetInt32(0) - 1][Math.Clamp(r.GetInt32(1), 1, 5) - 1] = r.GetInt64(2);
                }
            }
        }
        var perDay = new List<DailyCount>();
        await using (var cmd = SqliteDatabase.Command(db, "SELECT substr(created_at, 1, 10) AS day, count(*) FROM reviews GROUP BY day ORDER BY day DESC LIMIT 90"))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
            {
                perDay.Add(new DailyCount(r.GetString(0), r.GetInt64(1)));
            }
        }
        perDay.Reverse();
        return new ReviewStats(byRating.Sum(), byRating, matrix, perDay);
    }

    private const string SelectReview = """
        SELECT id, brand_id, text, rating, submission_id, created_at, label, p_negative, p_neutral, p_positive, score,
               suggested_rating, model_version, client_key FROM reviews
        """;

    private static VisitorReview ReadReview(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt32(3), r.GetString(4),
        SqliteDatabase.ParseTime(r.GetString(5)),
        r.IsDBNull(6) ? null : new ModelOpinion(r.GetString(6), r.GetFloat(7), r.GetFloat(8), r.GetFloat(9), r.GetFloat(10), r.GetInt32(11), r.GetString(12)),
        r.GetString(13));

    private static Brand ReadBrand(SqliteDataReader r) => new(r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3));



}
