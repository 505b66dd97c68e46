namespace ReviewPulse.Api.Configuration;

/// <summary>
/// All settings, bound once from the "ReviewPulse" section (environment: <c>ReviewPulse__Store</c>,
/// <c>ReviewPulse__Sqlite__Path</c>, …). <see cref="Validate"/> fails start-up naming the variable at fault.
/// </summary>
public sealed class ReviewPulseOptions
{
    public const string Section = "ReviewPulse";

    /// <summary><c>sqlite</c> (local default) or <c>dynamodb</c>.</summary>
    public string Store { get; set; } = "sqlite";

    public SqliteSettings Sqlite { get; set; } = new();

    public DynamoDbSettings DynamoDb { get; set; } = new();

    public ModelSettings Model { get; set; } = new();

    public AdminSettings Admin { get; set; } = new();

    /// <summary>Secret for signing cursors and hashing client addresses; required with DynamoDB (shared by all instances).</summary>
    public string? SigningKey { get; set; }

    public LimitSettings Limits { get; set; } = new();

    /// <summary>
    /// Secret that CloudFront sends in <c>X-ReviewPulse-Origin</c>; only requests carrying it may name the visitor's
    /// address in <c>CloudFront-Viewer-Address</c> (otherwise the API would see CloudFront's). Unset: no proxy is trusted.
    /// </summary>
    public string? TrustedProxySecret { get; set; }

    /// <summary>Folder of the static site served at "/" when it exists (locally src/Web; in AWS the site is on S3).</summary>
    public string WebRoot { get; set; } = "src/Web";

    /// <summary>Seed the shipped brand catalogue into the store at start.</summary>
    public bool SeedBrands { get; set; } = true;

    public IEnumerable<string> Validate()
    {
        if (Store is not ("sqlite" or "dynamodb"))
        {
            yield return $"ReviewPulse__Store must be 'sqlite' or 'dynamodb', not '{Store}'.";
        }
        if (Store == "sqlite" && string.IsNullOrWhiteSpace(Sqlite.Path))
        {
            yield return "ReviewPulse__Sqlite__Path must name the SQLite file.";
        }
        if (Store == "dynamodb" && string.IsNullOrWhiteSpace(DynamoDb.Table))
        {
            yield return "ReviewPulse__DynamoDb__Table must name the DynamoDB table.";
        }
        if (Store == "dynamodb" && string.IsNullOrWhiteSpace(SigningKey))
        {
            yield return "ReviewPulse__SigningKey is required with DynamoDB, so every instance signs cursors alike.";
        }
        if (SigningKey is { Length: > 0 and < 32 })
        {
            yield return "ReviewPulse__SigningKey must be at least 32 characters.";
        }
        if (string.IsNullOrWhiteSpace(Model.Uri))
        {
            yield return "ReviewPulse__Model__Uri must name the model (file:models/default or s3://bucket/models/current.json).";
        }
        if (Admin.TokenSha256 is { Length: > 0 } hash && (hash.Length != 64 || !hash.All(Uri.IsHexDigit)))
        {
            yield return "ReviewPulse__Admin__TokenSha256 must be the 64-character hex SHA-256 of the admin token.";
        }
    }
}

/// <summary>SQLite settings.</summary>
public sealed class SqliteSettings
{
    public string Path { get; set; } = "data/reviewpulse.db";
}

/// <summary>DynamoDB settings.</summary>
public sealed class DynamoDbSettings
{
    public string? Table { get; set; }

    /// <summary>Create the table when missing (local and LocalStack runs; never in AWS, where CDK owns it).</summary>
    public bool CreateTable { get; set; }
}

/// <summary>Model settings.</summary>
public sealed class ModelSettings
{
    public string Uri { get; set; } = "file:models/default";

    /// <summary>How often to look for a newly published model.</summary>
    public int RefreshSeconds { get; set; } = 300;

    /// <summary>Where S3 packages are cached.</summary>
    public string CacheDirectory { get; set; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "reviewpulse-models");
}

/// <summary>Admin settings.</summary>
public sealed class AdminSettings
{
    /// <summary>Hex SHA-256 of the admin bearer token; unset means the admin API is closed.</summary>
    public string? TokenSha256 { get; set; }
}

/// <summary>Request limits.</summary>
public sealed class LimitSettings
{
    public int MaxTextLength { get; set; } = 5000;

    public int MaxBodyBytes { get; set; } = 64 * 1024;

    public int PredictPerSecond { get; set; } = 20;

    public int PredictBurst { get; set; } = 40;

    public int SubmitPerMinute { get; set; } = 10;

    public int MaxPageSize { get; set; } = 100;
}
