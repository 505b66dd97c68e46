using Amazon.CDK;
using Amazon.CDK.AWS.Apigatewayv2;
using Amazon.CDK.AWS.CertificateManager;
using Amazon.CDK.AWS.CloudFront;
using Amazon.CDK.AWS.CloudFront.Origins;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.Events.Targets;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.S3.Deployment;
using Amazon.CDK.AWS.SecretsManager;
using Amazon.CDK.AwsApigatewayv2Integrations;
using Constructs;
using Attribute = Amazon.CDK.AWS.DynamoDB.Attribute;
using Distribution = Amazon.CDK.AWS.CloudFront.Distribution;
using Function = Amazon.CDK.AWS.Lambda.Function;
using FunctionProps = Amazon.CDK.AWS.Lambda.FunctionProps;
using LogGroupProps = Amazon.CDK.AWS.Logs.LogGroupProps;

namespace ReviewPulse.Cdk;

/// <summary>
/// The whole product in one stack: DynamoDB table, models and site buckets, the API Lambda behind an HTTP API, the
/// hourly scraper Lambda, and CloudFront serving the site with /api/* routed to the API (same origin, no CORS).
/// </summary>
public sealed class ReviewPulseStack : Stack
{
    public ReviewPulseStack(Construct scope, string id, StackSettings settings, IStackProps? props = null) : base(scope, id, props)
    {
        var table = Table();
        var models = PrivateBucket("Models", versioned: true);
        var site = PrivateBucket("Site", versioned: false);
        var adminHash = new CfnParameter(this, "AdminTokenSha256", new CfnParameterProps
        {
            Type = "String",
            NoEcho = true,
            Default = "",
            AllowedPattern = "^([0-9a-f]{64})?$",
            Description = "Hex SHA-256 of the admin bearer token; empty keeps the admin API closed.",
        });
        var signingKey = new Secret(this, "SigningKey", new SecretProps
        {
            Description = "Signs ReviewPulse cursors and keys client hashes",
            GenerateSecretString = new SecretStringGenerator { PasswordLength = 48, ExcludePunctuation = true },
        });

        var originSecret = new Secret(this, "OriginSecret", new SecretProps
        {
            Description = "Sent by CloudFront to the API so it may trust CloudFront-Viewer-Address",
            GenerateSecretString = new SecretStringGenerator { PasswordLength = 40, ExcludePunctuation = true },
        });
        var originSecretValue = originSecret.SecretValue.UnsafeUnwrap(); // a {{resolve:secretsmanager}} reference, resolved at deploy

        var api = LambdaFunction("Api", settings.ApiPackage, Duration.Seconds(10), 1024, new Dictionary<string, string>
        {
            ["ReviewPulse__Store"] = "dynamodb",
            ["ReviewPulse__DynamoDb__Table"] = table.TableName,
            ["ReviewPulse__Model__Uri"] = $"s3://{models.BucketName}/models/current.json",
            ["ReviewPulse__Admin__TokenSha256"] = adminHash.ValueAsString,
            ["ReviewPulse__SigningKey"] = signingKey.SecretValue.UnsafeUnwrap(), // a {{resolve:secretsmanager}} reference, resolved at deploy
            ["ReviewPulse__TrustedProxySecret"] = originSecretValue,
        });
        Allow(api, table.TableArn, "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:Query",
            "dynamodb:ConditionCheckItem", "dynamodb:DescribeTable");
        Allow(api, $"{table.TableArn}/index/GSI1", "dynamodb:Query");
        Allow(api, models.ArnForObjects("models/*"), "s3:GetObject");

        var scraper = LambdaFunction("Scraper", settings.ScraperPackage, Duration.Minutes(15), 512, new Dictionary<string, string>
        {
            ["ReviewPulse__Store"] = "dynamodb",
            ["ReviewPulse__DynamoDb__Table"] = table.TableName,
            ["ReviewPulse__Scraper__Categories"] = settings.ScraperCategories,
        }, reservedConcurrency: 1);
        Allow(scraper, table.TableArn, "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DeleteItem", "dynamodb:Query", "dynamodb:DescribeTable");
        new Rule(this, "HourlyScrape", new RuleProps
        {
            Schedule = Schedule.Rate(Duration.Hours(1)),
            Targets = [new Amazon.CDK.AWS.Events.Targets.LambdaFunction(scraper, new LambdaFunctionProps { RetryAttempts = 0 })],
        });

        var httpApi = new HttpApi(this, "HttpApi", new HttpApiProps
        {
            DefaultIntegration = new HttpLambdaIntegration("ApiIntegration", api, new HttpLambdaIntegrationProps { PayloadFormatVersion = PayloadFormatVersion.VERSION_2_0 }),
        });
        var distribution = Cdn(site, httpApi, settings, originSecretValue);
        Deploy(site, models, distribution, settings);
        Alarms(api, scraper);
        ReplaceRetiredRuntimes();

        Output("SiteUrl", $"https://{settings.DomainName ?? distribution.DistributionDomainName}/");
        Output("ApiUrl", httpApi.ApiEndpoint);
        Output("ModelsBucketName", models.BucketName);
        Output("SiteBucketName", site.BucketName);
        Output("TableName", table.TableName);
    }

    private TableV2 Table() => new(this, "Table", new TablePropsV2
    {
        PartitionKey = new Attribute { Name = "PK", Type = AttributeType.STRING },
        SortKey = new Attribute { Name = "SK", Type = AttributeType.STRING },
        Billing = Billing.OnDemand(),
        PointInTimeRecovery = true,
        RemovalPolicy = RemovalPolicy.RETAIN,
        GlobalSecondaryIndexes =
        [
            new GlobalSecondaryIndexPropsV2
            {
                IndexName = "GSI1",
                PartitionKey = new Attribute { Name = "GSI1PK", Type = AttributeType.STRING },
                SortKey = new Attribute { Name = "GSI1SK", Type = AttributeType.STRING },
            },
        ],
    });

    private Bucket PrivateBucket(string id, bool versioned) => new(this, id, new BucketProps
    {
        Versioned = versioned,
        Encryption = BucketEncryption.S3_MANAGED,
        BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
        EnforceSSL = true,
        ObjectOwnership = ObjectOwnership.BUCKET_OWNER_ENFORCED,
        RemovalPolicy = versioned ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY, // scripts/teardown.sh empties the site bucket first
    });

    /// <summary>A Native AOT "bootstrap" on provided.al2023 (the fastest measured cold start), JSON logs kept a month.</summary>
    private Function LambdaFunction(string id, string package, Duration timeout, int memory, Dictionary<string, string> environment, int? reservedConcurrency = null)
    {
        var logs = new LogGroup(this, $"{id}Logs", new LogGroupProps { Retention = RetentionDays.ONE_MONTH, RemovalPolicy = RemovalPolicy.DESTROY });
        return new Function(this, id, new FunctionProps
        {
            Runtime = Runtime.PROVIDED_AL2023,
            Architecture = Architecture.X86_64,
            Handler = "bootstrap",
            Code = Code.FromAsset(package),
            Timeout = timeout,
            MemorySize = memory,
            Environment = environment,
            ReservedConcurrentExecutions = reservedConcurrency,
            LogGroup = logs,
            LoggingFormat = LoggingFormat.JSON,
        });
    }

    /// <summary>Explicit actions on explicit resources: no wildcard actions on data.</summary>
    private static void Allow(Function function, string resource, params string[] actions) =>
        function.AddToRolePolicy(new PolicyStatement(new PolicyStatementProps { Actions = actions, Resources = [resource] }));

    private Distribution Cdn(Bucket site, HttpApi api, StackSettings settings, string originSecret)
    {
        var apiDomain = Fn.Select(2, Fn.Split("/", api.ApiEndpoint));
        var custom = settings.DomainName is { } domain && settings.CertificateArn is { } arn
            ? (Names: new[] { domain }, Certificate: Certificate.FromCertificateArn(this, "Certificate", arn))
            : (Names: (string[]?)null, Certificate: (ICertificate?)null);
        return new Distribution(this, "Cdn", new DistributionProps
        {
            DefaultRootObject = "index.html",
            DomainNames = custom.Names,
            Certificate = custom.Certificate,
            MinimumProtocolVersion = SecurityPolicyProtocol.TLS_V1_2_2021,
            DefaultBehavior = new BehaviorOptions
            {
                Origin = S3BucketOrigin.WithOriginAccessControl(site),
                ViewerProtocolPolicy = ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
                ResponseHeadersPolicy = ResponseHeadersPolicy.SECURITY_HEADERS,
                CachePolicy = CachePolicy.CACHING_OPTIMIZED,
            },
            AdditionalBehaviors = new Dictionary<string, IBehaviorOptions>
            {
                ["/api/*"] = new BehaviorOptions
                {
                    Origin = new HttpOrigin(apiDomain, new HttpOriginProps
                    {
                        ProtocolPolicy = OriginProtocolPolicy.HTTPS_ONLY,
                        CustomHeaders = new Dictionary<string, string> { ["X-ReviewPulse-Origin"] = originSecret },
                    }),
                    ViewerProtocolPolicy = ViewerProtocolPolicy.HTTPS_ONLY,
                    AllowedMethods = AllowedMethods.ALLOW_ALL,
                    CachePolicy = ApiCachePolicy(),
                    OriginRequestPolicy = ApiOriginRequestPolicy(),
                    ResponseHeadersPolicy = ResponseHeadersPolicy.SECURITY_HEADERS,
                },
            },
        });
    }

    /// <summary>
    /// CloudFront forwards Authorization on GET only when a cache policy names it, and a policy that names headers
    /// cannot have a zero maximum TTL: so the admin API's bearer token is in the key, the default TTL is 0 (API answers
    /// carry no Cache-Control, so nothing is kept) and the maximum 1 s.
    /// </summary>
    private CachePolicy ApiCachePolicy() => new(this, "ApiCachePolicy", new CachePolicyProps
    {
        DefaultTtl = Duration.Seconds(0),
        MinTtl = Duration.Seconds(0),
        MaxTtl = Duration.Seconds(1),
        HeaderBehavior = CacheHeaderBehavior.AllowList("Authorization"),
        QueryStringBehavior = CacheQueryStringBehavior.All(),
        CookieBehavior = CacheCookieBehavior.None(),
        EnableAcceptEncodingGzip = true,
        EnableAcceptEncodingBrotli = true,
    });

    /// <summary>
    /// What the API needs from the viewer request: the JSON content type, the query string, and the visitor's address
    /// (<c>CloudFront-Viewer-Address</c>) for per-visitor limits. Host stays API Gateway's own.
    /// </summary>
    private OriginRequestPolicy ApiOriginRequestPolicy() => new(this, "ApiOriginRequestPolicy", new OriginRequestPolicyProps
    {
        HeaderBehavior = OriginRequestHeaderBehavior.AllowList("Content-Type", "Accept", "Accept-Language", "CloudFront-Viewer-Address"),
        QueryStringBehavior = OriginRequestQueryStringBehavior.All(),
        CookieBehavior = OriginRequestCookieBehavior.None(),
    });

    /// <summary>The site's files, and models/default as the first model version with current.json pointing at it.</summary>
    private void Deploy(Bucket site, Bucket models, Distribution distribution, StackSettings settings)
    {
        new BucketDeployment(this, "SiteFiles", new BucketDeploymentProps
        {
            Sources = [Source.Asset(settings.SitePath)],
            DestinationBucket = site,
            Distribution = distribution,
            DistributionPaths = ["/*"],
        });
        new BucketDeployment(this, "DefaultModel", new BucketDeploymentProps
        {
            Sources =
            [
                Source.Asset(settings.ModelPath),
                Source.JsonData("current.json", new Dictionary<string, object> { ["version"] = settings.ModelVersion, ["manifestSha256"] = "", ["publishedAt"] = "1970-01-01T00:00:00Z" }),
            ],
            DestinationBucket = models,
            DestinationKeyPrefix = "models/",
            Prune = false,
        });
    }

    private void Alarms(Function api, Function scraper)
    {
        foreach (var (name, metric) in new[]
        {
            ("ApiErrors", api.MetricErrors(new MetricOptions { Period = Duration.Minutes(5) })),
            ("ApiThrottles", api.MetricThrottles(new MetricOptions { Period = Duration.Minutes(5) })),
            ("ScraperErrors", scraper.MetricErrors(new MetricOptions { Period = Duration.Hours(1) })),
        })
        {
            new Alarm(this, name, new AlarmProps
            {
                Metric = metric,
                Threshold = 1,
                EvaluationPeriods = 1,
                ComparisonOperator = ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
                TreatMissingData = TreatMissingData.NOT_BREACHING,
            });
        }
    }

    /// <summary>
    /// CDK 2.160 (pinned: newer versions need a Constructs release not served here) gives BucketDeployment's helper
    /// function python3.11, which AWS has retired; its handler runs unchanged on python3.13.
    /// </summary>
    private void ReplaceRetiredRuntimes()
    {
        foreach (var function in Node.FindAll().OfType<Amazon.CDK.AWS.Lambda.CfnFunction>().Where(f => f.Runtime == "python3.11"))
        {
            function.Runtime = "python3.13";
        }
    }

    private void Output(string name, string value) => new CfnOutput(this, name, new CfnOutputProps { Value = value });
}
