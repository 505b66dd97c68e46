using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ReviewPulse.Storage.Sqlite;

/// <summary>What the SQLite stores share: opening a connection, parameterised commands, and sortable UTC times.</summary>
internal static class SqliteDatabase
{
    /// <summary>Fixed-width ISO-8601 UTC, so times sort correctly as strings.</summary>
    public const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static string ConnectionString(string path) => new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();

    public static void EnsureDirectory(string path)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } directory)
        {
            Directory.CreateDirectory(directory);
        }
    }

    public static async Task<SqliteConnection> OpenAsync(string connectionString, CancellationToken ct)
    {
        var db = new SqliteConnection(connectionString);
        await db.OpenAsync(ct);
        await ExecuteAsync(db, "PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;", ct);
        return db;
    }

    public static SqliteCommand Command(SqliteConnection db, string sql, params (string Name, object? Value)[] parameters)
    {
        var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        return cmd;
    }

    public static async Task ExecuteAsync(SqliteConnection db, string sql, CancellationToken ct)
    {
        await using var cmd = Command(db, sql);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public static string Time(DateTimeOffset t) => t.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.ParseExact(text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static DateTimeOffset? ReadTime(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : ParseTime(r.GetString(i));
}
