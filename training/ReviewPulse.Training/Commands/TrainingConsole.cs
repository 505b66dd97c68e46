using System.Diagnostics;
using ReviewPulse.Training.Models;
using Spectre.Console;

namespace ReviewPulse.Training.Commands;

/// <summary>Runs the trainer with a live progress bar (samples/s, loss, ETA), or plain log lines when output is redirected.</summary>
internal static class TrainingConsole
{
    public static string CommandLine() => "dotnet run -c Release --project training/ReviewPulse.Training -- " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1));

    public static void Run(TrainOptions options)
    {
        if (Console.IsOutputRedirected)
        {
            var clock = Stopwatch.StartNew();
            var lastLine = TimeSpan.Zero;
            var progress = new SynchronousProgress(p =>
            {
                if (clock.Elapsed - lastLine < TimeSpan.FromSeconds(30) && p.Batch != p.Batches)
                {
                    return;
                }
                lastLine = clock.Elapsed;
                Console.WriteLine($"epoch {p.Epoch}/{p.Epochs} batch {p.Batch}/{p.Batches} loss {p.Loss:0.0000} {p.SamplesPerSecond:0} samples/s epoch ETA {p.EpochRemaining:hh\\:mm\\:ss}");
            });
            new Trainer(options, progress, Console.WriteLine).Run();
            return;
        }
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("starting");
                var progress = new SynchronousProgress(p =>
                {
                    task.MaxValue = p.Batches;
                    task.Value = p.Batch;
                    task.Description = $"epoch {p.Epoch}/{p.Epochs} loss {p.Loss:0.0000} {p.SamplesPerSecond:0} samples/s ETA {p.EpochRemaining:hh\\:mm\\:ss}";
                });
                new Trainer(options, progress, line => AnsiConsole.MarkupLineInterpolated($"{line}")).Run();
            });
    }

    /// <summary>Reports on the training thread (Progress&lt;T&gt; would post to the thread pool and reorder updates).</summary>
    private sealed class SynchronousProgress(Action<TrainProgress> report) : IProgress<TrainProgress>
    {
        public void Report(TrainProgress value) => report(value);
    }
}
