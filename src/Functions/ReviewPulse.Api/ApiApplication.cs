using System.Security.Cryptography;
using System.Text;
using Amazon.DynamoDBv2;
using Amazon.S3;
using ReviewPulse.Api.Catalogue;
using ReviewPulse.Api.Configuration;
using ReviewPulse.Api.Endpoints;
using ReviewPulse.Api.Errors;
using ReviewPulse.Api.Modeling;
using ReviewPulse.Api.Security;
using ReviewPulse.Core.Reviews;
using ReviewPulse.Lambda.Runtime;
using ReviewPulse.Storage.DynamoDb;
using ReviewPulse.Storage.Models;
using ReviewPulse.Storage.Sqlite;

namespace ReviewPulse.Api;

/// <summary>Builds the API: the same application runs on Kestrel locally and behind the Lambda bridge in AWS.</summary>
public static class ApiApplication
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        Environment.SetEnvironmentVariable("ORT_DISABLE_TELEMETRY", "1");
        var builder = WebApplication.CreateSlimBuilder(args);
        configure?.Invoke(builder);
        var section = builder.Configuration.GetSection(ReviewPulseOptions.Section);
        var options = section.Get<ReviewPulseOptions>() ?? new ReviewPulseOptions();
        var errors = options.Validate().ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Configuration is invalid:\n  " + string.Join("\n  ", errors));
        }
        builder.Services.AddOptions<ReviewPulseOptions>().Bind(section);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = options.Limits.MaxBodyBytes);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        if (LambdaHosting.RuntimeApi is { } runtimeApi)
        {
            builder.Logging.ClearProviders().AddJsonConsole();
            builder.Services.AddLambdaServer(runtimeApi, options.Limits.MaxBodyBytes);
        }
        AddServices(builder.Services, options);
        var app = builder.Build();
        app.UseExceptionHandler();
        app.Use(ViewerAddress.Middleware(options.TrustedProxySecret));
        app.Use(SecurityHeaders);
        ServeSite(app, options.WebRoot);
        app.UseStatusCodePages(context => StatusCodeProblems.WriteAsync(context.HttpContext, options.Limits.MaxBodyBytes));
        app.UseRateLimiter();
        app.MapOpenApi();
        app.MapHealth();
        app.MapPredict();
        app.MapBrands();
        app.MapReviews();
        app.MapAdmin();
        return app;
    }

    /// <summary>Serves the static site when its folder exists, so the local app is the whole product on one origin.</summary>
    private static void ServeSite(WebApplication app, string webRoot)
    {
        var root = Path.GetFullPath(webRoot);
        if (!Directory.Exists(root))
        {
            return;
        }
        var files = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(root);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
    }

    /// <summary>Nothing may load from another origin; pages cannot be framed; responses are not sniffed.</summary>
    private static Task SecurityHeaders(HttpContext http, Func<Task> next)
    {
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        return next();
    }

    private static void AddServices(IServiceCollection services, ReviewPulseOptions options)
    {
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJson.Default);
            o.SerializerOptions.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull;
        });
        services.AddProblemDetails();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true); // so binding failures reach RequestExceptionHandler with their reason
        services.AddExceptionHandler<RequestExceptionHandler>();
        services.AddOpenApi();
        services.AddReviewPulseRateLimits(options.Limits);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(new Signer(options.SigningKey is { Length: > 0 } key ? Encoding.UTF8.GetBytes(key) : RandomNumberGenerator.GetBytes(32)));
        services.AddSingleton<IReviewStore>(_ => options.Store == "dynamodb"
            ? new DynamoDbReviewStore(new AmazonDynamoDBClient(AwsEndpoint.Configure(new AmazonDynamoDBConfig())), options.DynamoDb.Table!, options.DynamoDb.CreateTable)
            : new SqliteReviewStore(options.Sqlite.Path));
        services.AddSingleton<IModelSource>(_ => ModelSources.Create(options.Model.Uri, options.Model.CacheDirectory,
            () => new AmazonS3Client(AwsEndpoint.Configure(new AmazonS3Config { ForcePathStyle = AwsEndpoint.Url is not null }))));
        services.AddSingleton<ModelProvider>();
        services.AddHostedService<ModelRefresher>();
        services.AddHostedService(sp => new StoreInitializer(sp.GetRequiredService<IReviewStore>(), options.SeedBrands));
    }

    /// <summary>Creates the store's schema and seeds the brand catalogue before the server takes requests.</summary>
    private sealed class StoreInitializer(IReviewStore store, bool seed) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            await store.InitializeAsync(cancellationToken);
            if (seed)
            {
                await store.AddBrandsAsync(BrandCatalogue.Load(), cancellationToken);
            }
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

/// <summary>AWS_ENDPOINT_URL (LocalStack, moto) applied to SDK clients; unset means the real AWS endpoints.</summary>
internal static class AwsEndpoint
{
    public static string? Url => Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL") is { Length: > 0 } url ? url : null;

    public static T Configure<T>(T config) where T : Amazon.Runtime.ClientConfig
    {
        if (Url is { } url)
        {
            config.ServiceURL = url;
            config.AuthenticationRegion = Environment.GetEnvironmentVariable("AWS_REGION") ?? "us-east-1";
        }
        return config;
    }
}
