using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using ReviewPulse.Core.Crawling;

namespace ReviewPulse.Storage.Sqlite;

/// <summary>The crawler's local store, in the same SQLite file as the reviews.</summary>
public sealed class SqliteCrawlStore(string path) : ICrawlStore
{
    private readonly string _connectionString = SqliteDatabase.ConnectionString(path);

    public async Task InitializeAsync(CancellationToken ct)
    {
        SqliteDatabase.EnsureDirectory(path);
        await using var db = await SqliteDatabase.OpenAsync(_connectionString, ct);
        await SqliteDatabase.ExecuteAsync(db, """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS collected_reviews (
                id TEXT PRIMARY KEY, brand_id TEXT NOT NULL, rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
                title TEXT NOT NULL, text TEXT NOT NULL, language TEXT, published_at TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS collected_by_brand ON collected_reviews (brand_id, published_at DESC);
            CREATE TABLE IF NOT EXISTS crawl_state (
                brand_id TEXT PRIMARY KEY, status TEXT NOT NULL, next_page INTEGER NOT NULL, newest_seen TEXT,
                crawl_newest_seen TEXT, failures INTEGER NOT NULL, last_error TEXT, updated_at TEXT NOT NULL, version INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS crawl_lease (name TEXT PRIMARY KEY, owner TEXT NOT NULL, expires_at TEXT NOT NULL);
            """, ct);
    }

    public async Task<int> AddCollectedReviewsAsync(IReadOnlyList<CollectedReview> reviews, CancellationToken ct)
    {
        await using var db = await SqliteDatabase.OpenAsync(_connectionString, ct);
        await using var tx = (SqliteTransaction)await db.BeginTransactionAsync(ct);
        var added = 0;
        foreach (var r in reviews)
        {
            await using var cmd = SqliteDatabase.Command(db, """
                INSERT INTO collected_reviews (id, brand_id, rating, title, text, language, published_at)
                VALUES ($id, $brand, $rating, $title, $text, $language, $published) ON CONFLICT(id) DO NOTHING
                """, ("$id", r.Id), ("$brand", r.BrandId), ("$rating", r.Rating), ("$title", r.Title), ("$text", r.Text),
                ("$language", r.Language), ("$published", SqliteDatabase.Time(r.PublishedAt)));
            cmd.Transaction = tx;
            added += await cmd.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        return added;
    }

    public async Task<CrawlState?> GetCrawlStateAsync(string brandId, CancellationToken ct)
    {
        await using var db = await SqliteDatabase.OpenAsync(_connectionString, ct);
        await using var cmd = SqliteDatabase.Command(db, "SELECT brand_id, status, next_page, newest_seen, crawl_newest_seen, failures, last_error, updated_at, version FROM crawl_state WHERE brand_id = $id", ("$id", brandId));
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct)
            ? new CrawlState(r.GetString(0), r.GetString(1), r.GetInt32(2), SqliteDatabase.ReadTime(r, 3), SqliteDatabase.ReadTime(r, 4), r.GetInt32(5), r.IsDBNull(6) ? null : r.GetString(6), SqliteDatabase.ReadTime(r, 7)!.Value, r.GetInt64(8))
            : null;
    }

    public async Task<CrawlState?> SaveCrawlStateAsync(CrawlState s, CancellationToken ct)
    {
        await using var db = await SqliteDatabase.OpenAsync(_connectionString, ct);
        var parameters = new (string, object?)[]
        {
            ("$id", s.BrandId), ("$status", s.Status), ("$page", s.NextPage), ("$newest", s.NewestSeen is { } n ? SqliteDatabase.Time(n) : null),
            ("$crawlNewest", s.CrawlNewestSeen is { } c ? SqliteDatabase.Time(c) : null), ("$failures", s.Failures), ("$error", s.LastError),
            ("$updated", SqliteDatabase.Time(s.UpdatedAt)), ("$version", s.Version), ("$next", s.Version + 1),
        };
        await using var cmd = s.Version == 0
            ? SqliteDatabase.Command(db, """
                INSERT INTO crawl_state (brand_id, status, next_page, newest_seen, crawl_newest_seen, failures, last_error, updated_at, version)
                VALUES ($id, $status, $page, $newest, $crawlNewest, $failures, $error, $updated, $next) ON CONFLICT(brand_id) DO NOTHING
                """, parameters)
            : SqliteDatabase.Command(db, """
                UPDATE crawl_state SET status = $status, next_page = $page, newest_seen = $newest, crawl_newest_seen = $crawlNewest,
                    failures = $failures, last_error = $error, updated_at = $updated, version = $next
                WHERE brand_id = $id AND version = $version
                """, parameters);
        return await cmd.ExecuteNonQueryAsync(ct) == 1 ? s with { Version = s.Version + 1 } : null;
    }

    public async Task<bool> TryAcquireLeaseAsync(string owner, DateTimeOffset now, TimeSpan duration, CancellationToken ct)
    {
        await using var db = await SqliteDatabase.OpenAsync(_connectionString, ct);
        await using var cmd = SqliteDatabase.Command(db, """
            INSERT INTO crawl_lease (name, owner, expires_at) VALUES ('crawler', $owner, $expires)
            ON CONFLICT(name) DO UPDATE SET owner = $owner, expires_at = $expires WHERE crawl_lease.expires_at < $now OR crawl_lease.owner = $owner
            """, ("$owner", owner), ("$expires", SqliteDatabase.Time(now + duration)), ("$now", SqliteDatabase.Time(now)));
        return await cmd.ExecuteNonQueryAsync(ct) == 1;
    }

    public async Task ReleaseLeaseAsync(string owner, CancellationToken ct)
    {
        await using var db = await SqliteDatabase.OpenAsync(_connectionString, ct);
        await using var cmd = SqliteDatabase.Command(db, "DELETE FROM crawl_lease WHERE name = 'crawler' AND owner = $owner", ("$owner", owner));
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public async IAsyncEnumerable<CollectedReview> ExportCollectedAsync([EnumeratorCancellation] CancellationToken ct)
    {
        await using var db = await SqliteDatabase.OpenAsync(_connectionString, ct);
        await using var cmd = SqliteDatabase.Command(db, "SELECT id, brand_id, rating, title, text, language, published_at FROM collected_reviews ORDER BY brand_id, published_at");
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            yield return new CollectedReview(r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetString(3), r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5), SqliteDatabase.ReadTime(r, 6)!.Value);
        }
    }





}
