using System.Text.Json;
using Amazon.CDK.Assertions;

namespace ReviewPulse.Infra.Tests;

[Collection(StackGroup.Name)]
public sealed class StackTests(StackFixture stack)
{
    private Template T => stack.Template;

    private static Dictionary<string, object> Props(params (string Key, object Value)[] pairs) => pairs.ToDictionary(p => p.Key, p => p.Value);

    [Fact]
    public void Table_is_on_demand_with_point_in_time_recovery_and_gsi1()
    {
        T.ResourceCountIs("AWS::DynamoDB::GlobalTable", 1);
        var keys = new object[] { Props(("AttributeName", "PK"), ("KeyType", "HASH")), Props(("AttributeName", "SK"), ("KeyType", "RANGE")) };
        var gsi = Match.ArrayWith([Match.ObjectLike(Props(("IndexName", "GSI1")))]);
        var pitr = Match.ArrayWith([Match.ObjectLike(Props(("PointInTimeRecoverySpecification", Props(("PointInTimeRecoveryEnabled", true)))))]);
        T.HasResourceProperties("AWS::DynamoDB::GlobalTable", Match.ObjectLike(Props(
            ("BillingMode", "PAY_PER_REQUEST"), ("KeySchema", keys), ("GlobalSecondaryIndexes", gsi), ("Replicas", pitr))));
    }

    [Fact]
    public void Buckets_are_private_encrypted_and_the_models_bucket_is_versioned()
    {
        var buckets = Resources("AWS::S3::Bucket");
        Assert.Equal(2, buckets.Count);
        Assert.All(buckets, b =>
        {
            var p = b.GetProperty("Properties");
            var block = p.GetProperty("PublicAccessBlockConfiguration");
            foreach (var flag in new[] { "BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets" })
            {
                Assert.True(block.GetProperty(flag).GetBoolean(), flag);
            }
            Assert.True(p.TryGetProperty("BucketEncryption", out _));
        });
        Assert.Single(buckets, b => b.GetProperty("Properties").TryGetProperty("VersioningConfiguration", out var v) && v.GetProperty("Status").GetString() == "Enabled");
    }

    [Fact]
    public void Lambdas_are_aot_bootstraps_and_the_scraper_runs_alone_every_hour()
    {
        var functions = Resources("AWS::Lambda::Function").Where(f => f.GetProperty("Properties").TryGetProperty("Handler", out var h) && h.GetString() == "bootstrap").ToList();
        Assert.Equal(2, functions.Count);
        Assert.All(functions, f => Assert.Equal("provided.al2023", f.GetProperty("Properties").GetProperty("Runtime").GetString()));
        T.HasResourceProperties("AWS::Lambda::Function", Match.ObjectLike(Props(("ReservedConcurrentExecutions", 1), ("Timeout", 900))));
        T.HasResourceProperties("AWS::Events::Rule", Match.ObjectLike(Props(("ScheduleExpression", "rate(1 hour)"))));
        var variables = Match.ObjectLike(Props(("ReviewPulse__Store", "dynamodb"), ("ReviewPulse__Model__Uri", Match.AnyValue()), ("ReviewPulse__SigningKey", Match.AnyValue())));
        T.HasResourceProperties("AWS::Lambda::Function", Match.ObjectLike(Props(("Environment", Props(("Variables", variables))))));
        T.HasResourceProperties("AWS::Logs::LogGroup", Match.ObjectLike(Props(("RetentionInDays", 30))));
    }

    [Fact]
    public void Http_api_uses_payload_2_and_cloudfront_routes_api_same_origin_over_https()
    {
        T.HasResourceProperties("AWS::ApiGatewayV2::Integration", Match.ObjectLike(Props(("PayloadFormatVersion", "2.0"))));
        var config = Resources("AWS::CloudFront::Distribution").Single().GetProperty("Properties").GetProperty("DistributionConfig");
        Assert.Equal("redirect-to-https", config.GetProperty("DefaultCacheBehavior").GetProperty("ViewerProtocolPolicy").GetString());
        var api = config.GetProperty("CacheBehaviors").EnumerateArray().Single(b => b.GetProperty("PathPattern").GetString() == "/api/*");
        Assert.Equal("https-only", api.GetProperty("ViewerProtocolPolicy").GetString());
        Assert.Contains("POST", api.GetProperty("AllowedMethods").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal("index.html", config.GetProperty("DefaultRootObject").GetString());
        Assert.True(config.GetProperty("DefaultCacheBehavior").TryGetProperty("ResponseHeadersPolicyId", out _));
        T.ResourceCountIs("AWS::CloudFront::OriginAccessControl", 1);
        // The visitor's address reaches the API, with the secret that lets the API believe it.
        var viewerHeader = Match.ObjectLike(Props(("Headers", Match.ArrayWith(["CloudFront-Viewer-Address"]))));
        var requestConfig = Match.ObjectLike(Props(("HeadersConfig", viewerHeader)));
        T.HasResourceProperties("AWS::CloudFront::OriginRequestPolicy", Match.ObjectLike(Props(("OriginRequestPolicyConfig", requestConfig))));
        var origin = config.GetProperty("Origins").EnumerateArray().Single(o => o.TryGetProperty("CustomOriginConfig", out _));
        Assert.Equal("X-ReviewPulse-Origin", origin.GetProperty("OriginCustomHeaders")[0].GetProperty("HeaderName").GetString());
        Assert.Contains("resolve:secretsmanager", origin.GetProperty("OriginCustomHeaders")[0].GetProperty("HeaderValue").ToString());
        // The admin API's bearer token reaches the origin on GET only if the cache policy names it; nothing is kept.
        T.HasResourceProperties("AWS::CloudFront::CachePolicy", Match.ObjectLike(Props(("CachePolicyConfig", Match.ObjectLike(Props(
            ("DefaultTTL", 0),
            ("ParametersInCacheKeyAndForwardedToOrigin", Match.ObjectLike(Props(("HeadersConfig", Props(("HeaderBehavior", "whitelist"), ("Headers", new[] { "Authorization" }))))))))))));
    }

    [Fact]
    public void No_policy_grants_wildcard_actions_on_data_resources()
    {
        foreach (var policy in Resources("AWS::IAM::Policy"))
        {
            foreach (var statement in policy.GetProperty("Properties").GetProperty("PolicyDocument").GetProperty("Statement").EnumerateArray())
            {
                var actions = statement.GetProperty("Action") is { ValueKind: JsonValueKind.Array } a ? a.EnumerateArray().Select(x => x.GetString()!).ToList() : [statement.GetProperty("Action").GetString()!];
                var data = actions.Where(x => x.StartsWith("dynamodb:", StringComparison.Ordinal) || x.StartsWith("s3:", StringComparison.Ordinal)).ToList();
                var isDeployment = policy.GetProperty("Properties").GetProperty("PolicyName").GetString()!.Contains("CustomCDKBucketDeployment", StringComparison.Ordinal);
                if (!isDeployment)
                {
                    Assert.All(data, x => Assert.DoesNotContain("*", x));
                }
            }
        }
    }

    [Fact]
    public void Outputs_name_the_site_api_buckets_and_table()
    {
        foreach (var output in new[] { "SiteUrl", "ApiUrl", "ModelsBucketName", "SiteBucketName", "TableName" })
        {
            T.HasOutput(output, Match.AnyValue());
        }
        T.HasResourceProperties("AWS::CloudWatch::Alarm", Match.ObjectLike(Props(("MetricName", "Throttles"))));
        T.ResourceCountIs("AWS::CloudWatch::Alarm", 3);
    }

    [Fact]
    public void Cfn_lint_passes_on_the_synthesized_template()
    {
        // W3005 (a DependsOn that a GetAtt already implies) is how CDK writes its own resources; every other finding fails.
        var (code, stdout, stderr) = ProcessRunner.Run("cfn-lint", ["--format", "parseable", "--ignore-checks", "W3005", "--", stack.TemplateFile],
            missingHint: "pip install cfn-lint");
        Assert.True(code == 0, stdout + stderr);
    }

    private List<JsonElement> Resources(string type)
    {
        var json = JsonDocument.Parse(JsonSerializer.Serialize(T.ToJSON())).RootElement;
        return [.. json.GetProperty("Resources").EnumerateObject().Select(r => r.Value).Where(r => r.GetProperty("Type").GetString() == type)];
    }
}
