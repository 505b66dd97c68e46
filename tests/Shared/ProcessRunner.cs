using System.ComponentModel;
using System.Diagnostics;

namespace ReviewPulse.Tests.Shared;

/// <summary>Runs a real program to completion and returns its exit code and both outputs.</summary>
public static class ProcessRunner
{
    /// <param name="missingHint">What to install when the program is not found (the test then fails saying so).</param>
    public static (int Code, string Stdout, string Stderr) Run(string program, IEnumerable<string> args, IDictionary<string, string?>? environment = null,
        string? workingDirectory = null, string? missingHint = null)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            info.Environment[name] = value;
        }
        if (workingDirectory is not null)
        {
            info.WorkingDirectory = workingDirectory;
        }
        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InvalidOperationException($"{program} did not start.");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"'{program}' is not installed: {missingHint ?? "install it"}.", e);
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            return (process.ExitCode, stdout.Result, stderr.Result);
        }
    }

    /// <summary>Runs a .NET program from the test's output folder with `dotnet`.</summary>
    public static (int Code, string Stdout, string Stderr) Dotnet(string dll, IEnumerable<string> args, IDictionary<string, string?>? environment = null) =>
        Run("dotnet", [Path.Combine(AppContext.BaseDirectory, dll), .. args], environment);
}
