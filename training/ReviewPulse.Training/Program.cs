using System.CommandLine;
using ReviewPulse.Training.Commands;

// ORT must not write telemetry state to the home directory (read-only in CI containers and Lambda).
Environment.SetEnvironmentVariable("ORT_DISABLE_TELEMETRY", "1");
var root = new RootCommand("ReviewPulse trainer: dataset → train → evaluate → export → publish, and batch predict.");
foreach (var command in CliCommands.All())
{
    root.Subcommands.Add(command);
}
return await root.Parse(args).InvokeAsync();
