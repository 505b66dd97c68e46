using Amazon.CDK;

namespace ReviewPulse.Cdk;

/// <summary>What the stack is built from: package paths and optional custom domain, read from CDK context.</summary>
public sealed record StackSettings(string ApiPackage, string ScraperPackage, string SitePath, string ModelPath, string ModelVersion,
    string? DomainName, string? CertificateArn, string ScraperCategories)
{
    /// <summary>Reads <c>-c key=value</c> context values, defaulting to the repository's own build outputs.</summary>
    public static StackSettings FromContext(App app, string root)
    {
        string Get(string key, string fallback) => app.Node.TryGetContext(key) as string ?? fallback;
        var modelPath = Get("modelPath", Path.Combine(root, "models", "default"));
        return new StackSettings(
            Get("apiPackage", Path.Combine(root, "artifacts", "api-lambda.zip")),
            Get("scraperPackage", Path.Combine(root, "artifacts", "scraper-lambda.zip")),
            Get("sitePath", Path.Combine(root, "src", "Web")),
            modelPath,
            ReadModelVersion(modelPath),
            app.Node.TryGetContext("domainName") as string,
            app.Node.TryGetContext("certificateArn") as string,
            Get("scraperCategories", ""));
    }

    private static string ReadModelVersion(string modelPath)
    {
        var manifest = Path.Combine(modelPath, "manifest.json");
        if (!File.Exists(manifest))
        {
            throw new InvalidOperationException($"No model package at {modelPath}: its manifest.json is deployed as the first model version.");
        }
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(manifest));
        return json.RootElement.GetProperty("version").GetString()!;
    }
}
