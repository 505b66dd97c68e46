
namespace ReviewPulse.Infra.Tests;

/// <summary>docker-compose.local.yml checked by Debian's docker-compose (no Docker engine runs here, so it is not started).</summary>
public sealed class ComposeTests
{
    [Fact]
    public void The_compose_file_is_valid_with_its_services_and_profiles()
    {
        var (code, output) = Compose(new() { ["REVIEWPULSE_SIGNING_KEY"] = "0123456789abcdef0123456789abcdef" }, "--profile", "scrape", "config", "--services");
        Assert.True(code == 0, output);
        Assert.Equal(["api", "localstack", "scrape"], output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Order());
        var (_, config) = Compose(new() { ["REVIEWPULSE_SIGNING_KEY"] = "0123456789abcdef0123456789abcdef" }, "config");
        Assert.Contains("localstack/localstack:4.14.0", config);
        Assert.Contains("AWS_ENDPOINT_URL: http://localstack:4566", config);
        Assert.Contains("condition: service_healthy", config);
    }

    [Fact]
    public void Without_a_signing_key_the_compose_file_refuses_to_start()
    {
        var (code, output) = Compose(new() { ["REVIEWPULSE_SIGNING_KEY"] = null }, "config", "--quiet");
        Assert.NotEqual(0, code);
        Assert.Contains("set REVIEWPULSE_SIGNING_KEY", output);
    }

    [Fact]
    public void The_image_runs_as_a_non_root_user_in_a_multi_stage_build()
    {
        var dockerfile = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "Dockerfile"));
        Assert.Contains("AS build", dockerfile);
        Assert.Contains("COPY --from=build", dockerfile);
        Assert.Contains("\nUSER app\n", dockerfile);
        Assert.Contains("HEALTHCHECK", dockerfile);
    }

    private static (int Code, string Output) Compose(Dictionary<string, string?> environment, params string[] args)
    {
        var (code, stdout, stderr) = ProcessRunner.Run("docker-compose", ["-f", "docker-compose.local.yml", .. args], environment, RepositoryPaths.Root,
            "apt-get install docker-compose (scripts/test.sh does it as root)");
        return (code, stdout + stderr);
    }
}

/// <summary>The deployment scripts at least parse, and name what they need (they cannot run without an AWS account).</summary>
public sealed class ScriptTests
{
    [Theory]
    [InlineData("scripts/deploy.sh", "aws-cdk@2.160.0 deploy")]
    [InlineData("scripts/teardown.sh", "aws-cdk@2.160.0 destroy")]
    [InlineData("scripts/package-lambdas.sh", "PublishAot=true")]
    [InlineData("infra/localstack/init/create-resources.sh", "models/current.json")]
    public void Scripts_parse_and_do_what_their_name_says(string script, string expected)
    {
        var path = Path.Combine(RepositoryPaths.Root, script);
        Assert.Contains(expected, File.ReadAllText(path));
        var (code, _, errors) = ProcessRunner.Run("bash", ["-n", path]);
        Assert.True(code == 0, errors);
    }
}
