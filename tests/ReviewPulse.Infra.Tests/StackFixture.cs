using System.IO.Compression;
using Amazon.CDK;
using Amazon.CDK.Assertions;
using ReviewPulse.Cdk;

namespace ReviewPulse.Infra.Tests;

/// <summary>Synthesises the stack once (with stand-in Lambda packages) for every test in the assembly.</summary>
public sealed class StackFixture : IDisposable
{
    private readonly TempDirectory _temp = new();

    public StackFixture()
    {
        System.Environment.SetEnvironmentVariable("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20");
        var packages = Path.Combine(_temp.Path, "packages");
        Directory.CreateDirectory(packages);
        foreach (var name in new[] { "api-lambda.zip", "scraper-lambda.zip" })
        {
            using var zip = ZipFile.Open(Path.Combine(packages, name), ZipArchiveMode.Create);
            using var writer = new StreamWriter(zip.CreateEntry("bootstrap").Open());
            writer.Write("#!/bin/sh\n");
        }
        OutputDirectory = Path.Combine(_temp.Path, "cdk.out");
        var app = new App(new AppProps
        {
            Outdir = OutputDirectory,
            Context = new Dictionary<string, object>
            {
                ["root"] = RepositoryPaths.Root,
                ["apiPackage"] = Path.Combine(packages, "api-lambda.zip"),
                ["scraperPackage"] = Path.Combine(packages, "scraper-lambda.zip"),
            },
        });
        var stack = new ReviewPulseStack(app, "ReviewPulse", StackSettings.FromContext(app, RepositoryPaths.Root));
        Template = Template.FromStack(stack);
        app.Synth();
        TemplateFile = Path.Combine(OutputDirectory, "ReviewPulse.template.json");
    }

    public Template Template { get; }

    public string OutputDirectory { get; }

    public string TemplateFile { get; }

    public void Dispose() => _temp.Dispose();
}

[CollectionDefinition(Name)]
public sealed class StackGroup : ICollectionFixture<StackFixture>
{
    public const string Name = "stack";
}
