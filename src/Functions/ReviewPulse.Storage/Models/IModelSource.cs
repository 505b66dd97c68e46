namespace ReviewPulse.Storage.Models;

/// <summary>Where the API gets its model: a local folder (<c>file:</c>) or S3 (<c>s3://bucket/models/current.json</c>).</summary>
public interface IModelSource
{
    /// <summary>What the source is, for logs and /ready.</summary>
    string Description { get; }

    /// <summary>A cheap tag that changes when a different model is published.</summary>
    Task<string> CurrentTagAsync(CancellationToken ct);

    /// <summary>A local folder holding the package for <paramref name="tag"/>, downloaded if needed (verification is the caller's).</summary>
    Task<string> FetchAsync(string tag, CancellationToken ct);
}

/// <summary>Creates the source a model URI names.</summary>
public static class ModelSources
{
    /// <param name="uri"><c>file:PATH</c>, a plain path, or <c>s3://BUCKET/KEY-OF-current.json</c>.</param>
    /// <param name="cacheDirectory">Where S3 packages are kept (Lambda: under /tmp).</param>
    /// <param name="s3">Client factory, called only for s3:// URIs.</param>
    public static IModelSource Create(string uri, string cacheDirectory, Func<Amazon.S3.IAmazonS3> s3)
    {
        if (uri.StartsWith("s3://", StringComparison.OrdinalIgnoreCase))
        {
            var rest = uri["s3://".Length..];
            var slash = rest.IndexOf('/');
            if (slash <= 0 || slash == rest.Length - 1)
            {
                throw new ArgumentException($"Model URI '{uri}' must look like s3://bucket/models/current.json.");
            }
            return new S3ModelSource(s3(), rest[..slash], rest[(slash + 1)..], cacheDirectory);
        }
        var path = uri.StartsWith("file:", StringComparison.OrdinalIgnoreCase) ? uri["file:".Length..] : uri;
        return new FileModelSource(Path.GetFullPath(path));
    }
}
