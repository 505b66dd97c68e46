using System.CommandLine;
using ReviewPulse.Core.Modeling;
using ReviewPulse.Training.Data;
using ReviewPulse.Training.Evaluation;
using ReviewPulse.Training.Models;

namespace ReviewPulse.Training.Commands;

/// <summary>The trainer's sub-commands and their options.</summary>
internal static class CliCommands
{
    public static IEnumerable<Command> All() => [Dataset(), Train(), Evaluate(), Export(), Predict(), Publish(), Baseline(), Compare()];

    private static Command Dataset()
    {
        var input = new Option<string[]>("--input") { Description = "Corpus files (CSV, CSV.gz, JSONL)", Required = true, AllowMultipleArgumentsPerToken = true };
        var output = new Option<string>("--output") { Description = "Folder for train/validation/test.csv and stats.json", Required = true };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 42 };
        var validation = new Option<double>("--validation") { Description = "Share of rows for validation", DefaultValueFactory = _ => 0.1 };
        var test = new Option<double>("--test") { Description = "Share of rows for test", DefaultValueFactory = _ => 0.1 };
        var limit = new Option<int?>("--limit") { Description = "Keep at most this many rows (for quick runs)" };
        var lang = new Option<string?>("--lang") { Description = "Drop rows whose lang column is set to another language" };
        var command = new Command("dataset", "Normalise, de-duplicate, label and split a corpus by company.") { input, output, seed, validation, test, limit, lang };
        command.SetAction(r => Run(() =>
        {
            var stats = DatasetBuilder.Build(new DatasetOptions(r.GetValue(input)!, r.GetValue(output)!, r.GetValue(seed),
                r.GetValue(validation), r.GetValue(test), r.GetValue(limit), r.GetValue(lang)));
            Console.WriteLine(stats.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        }));
        return command;
    }

    private static Command Train()
    {
        var data = new Option<string>("--data") { Description = "Folder made by the dataset command", Required = true };
        var output = new Option<string>("--output") { Description = "Run folder for checkpoints and the training log", Required = true };
        var preset = new Option<string>("--preset") { Description = $"One of: {string.Join(", ", TrainingPreset.All.Select(p => p.Name))}", DefaultValueFactory = _ => "fasttext" };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 42 };
        var threads = new Option<int>("--threads") { DefaultValueFactory = _ => Environment.ProcessorCount };
        var epochs = new Option<int?>("--epochs");
        var batch = new Option<int?>("--batch");
        var lr = new Option<float?>("--lr");
        var patience = new Option<int>("--patience") { Description = "Epochs without validation improvement before stopping", DefaultValueFactory = _ => 2 };
        var maxMinutes = new Option<double?>("--max-minutes") { Description = "Stop (resumable) after this long" };
        var resume = new Option<bool>("--resume") { Description = "Continue from last.ckpt in the run folder" };
        var trainLimit = new Option<int?>("--train-limit");
        var validationLimit = new Option<int?>("--validation-limit");
        var command = new Command("train", "Train a network on the splits.") { data, output, preset, seed, threads, epochs, batch, lr, patience, maxMinutes, resume, trainLimit, validationLimit };
        command.SetAction(r => Run(() =>
        {
            var options = new TrainOptions(r.GetValue(data)!, r.GetValue(output)!, r.GetValue(preset)!, r.GetValue(seed), r.GetValue(threads),
                r.GetValue(epochs), r.GetValue(batch), r.GetValue(lr), r.GetValue(patience), r.GetValue(maxMinutes), r.GetValue(resume),
                r.GetValue(trainLimit), r.GetValue(validationLimit));
            TrainingConsole.Run(options);
        }));
        return command;
    }

    private static Command Evaluate()
    {
        var model = new Option<string>("--model") { Description = "Model package folder", Required = true };
        var data = new Option<string>("--data") { Description = "Folder made by the dataset command", Required = true };
        var split = new Option<string>("--split") { DefaultValueFactory = _ => "test" };
        var output = new Option<string>("--output") { Description = "Report path without extension (.json and -confusion.svg are added)", Required = true };
        var command = new Command("evaluate", "Score a split with an exported model: metrics, confusion matrix (text and SVG), JSON report.") { model, data, split, output };
        command.SetAction(r => Run(() =>
        {
            using var m = SentimentModel.Load(r.GetValue(model)!, Environment.ProcessorCount);
            var rows = SplitFile.Read(Path.Combine(r.GetValue(data)!, $"{r.GetValue(split)}.csv"));
            var report = ModelEvaluator.Evaluate(m, rows);
            ReportWriter.Write(r.GetValue(output)!, report, $"{m.Manifest.Version} on {r.GetValue(split)}");
            Console.WriteLine(ReportWriter.Text(report));
        }));
        return command;
    }

    private static Command Export()
    {
        var run = new Option<string>("--run") { Description = "Run folder with best.ckpt", Required = true };
        var data = new Option<string>("--data") { Description = "Folder made by the dataset command", Required = true };
        var output = new Option<string>("--output") { Description = "Model package folder to write", Required = true };
        var version = new Option<string?>("--version");
        var corpus = new Option<string>("--corpus") { Description = "Corpus file whose sha256 fingerprints the data", Required = true };
        var limit = new Option<int?>("--evaluation-limit");
        var command = new Command("export", "Write model.onnx, manifest.json and MODEL_CARD.md from a run's best checkpoint.") { run, data, output, version, corpus, limit };
        command.SetAction(r => Run(() => ModelExporter.Export(new ExportOptions(r.GetValue(run)!, r.GetValue(data)!, r.GetValue(output)!, r.GetValue(version),
            DatasetBuilder.Sha256(r.GetValue(corpus)!), TrainingConsole.CommandLine(), r.GetValue(limit)), Console.WriteLine)));
        return command;
    }

    private static Command Predict()
    {
        var model = new Option<string>("--model") { Description = "Model package folder", Required = true };
        var input = new Option<string>("--input") { Description = "CSV file", Required = true };
        var column = new Option<string>("--text-column") { Description = "Name of the column holding the text", Required = true };
        var output = new Option<string>("--output") { Description = "CSV to write: label,score,suggested_rating,p_negative,p_neutral,p_positive", Required = true };
        var command = new Command("predict", "Score every row of a CSV file.") { model, input, column, output };
        command.SetAction(r => Run(() =>
        {
            var (rows, missing) = PredictCommand.Run(r.GetValue(model)!, r.GetValue(input)!, r.GetValue(column)!, r.GetValue(output)!);
            Console.Error.WriteLine($"scored {rows} rows{(missing > 0 ? $"; {missing} rows had no '{r.GetValue(column)}' field and were scored as empty text" : "")}");
        }));
        return command;
    }

    private static Command Publish()
    {
        var model = new Option<string>("--model") { Description = "Model package folder", Required = true };
        var bucket = new Option<string>("--bucket") { Required = true };
        var endpoint = new Option<string?>("--endpoint-url") { Description = "S3 endpoint (LocalStack, moto); defaults to AWS_ENDPOINT_URL or AWS" };
        var command = new Command("publish", "Upload a model package to s3://BUCKET/models/<version>/ and point models/current.json at it.") { model, bucket, endpoint };
        command.SetAction(async (r, token) => await RunAsync(async () =>
        {
            var uri = await ModelPublisher.PublishAsync(r.GetValue(model)!, r.GetValue(bucket)!, r.GetValue(endpoint), token);
            Console.WriteLine(uri);
        }));
        return command;
    }

    private static Command Baseline()
    {
        var data = new Option<string>("--data") { Description = "Folder made by the dataset command", Required = true };
        var output = new Option<string>("--output") { Description = "Report path without extension", Required = true };
        var limit = new Option<int?>("--train-limit");
        var command = new Command("baseline", "TF-IDF word + character n-grams with a linear model (ML.NET), on the same split.") { data, output, limit };
        command.SetAction(r => Run(() => Console.WriteLine(ReportWriter.Text(TfidfBaseline.Run(r.GetValue(data)!, r.GetValue(output)!, r.GetValue(limit))))));
        return command;
    }

    private static Command Compare()
    {
        var models = new Option<string[]>("--model") { Description = "Candidate model folders", Required = true, AllowMultipleArgumentsPerToken = true };
        var baseline = new Option<string?>("--baseline") { Description = "Baseline report JSON (from the baseline command)" };
        var data = new Option<string>("--data") { Description = "Folder made by the dataset command", Required = true };
        var card = new Option<string?>("--card") { Description = "MODEL_CARD.md to write the table into" };
        var select = new Option<string?>("--select-into") { Description = "Copy the best candidate within budget (by validation) to this folder" };
        var command = new Command("compare", "Measure candidates (macro-F1, balanced macro-F1, neutral recall, latency, size) into a model card.") { models, baseline, data, card, select };
        command.SetAction(r => Run(() => Console.WriteLine(CandidateComparison.Run(r.GetValue(models)!, r.GetValue(baseline), r.GetValue(data)!, r.GetValue(card), r.GetValue(select)))));
        return command;
    }

    private static int Run(Action action)
    {
        try
        {
            action();
            return 0;
        }
        catch (Exception e) when (e is InvalidDataException or FileNotFoundException or ArgumentException or ModelLoadException or DirectoryNotFoundException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 2;
        }
    }

    private static async Task<int> RunAsync(Func<Task> action)
    {
        try
        {
            await action();
            return 0;
        }
        catch (Exception e) when (e is InvalidDataException or FileNotFoundException or ArgumentException or ModelLoadException or Amazon.Runtime.AmazonServiceException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 2;
        }
    }
}
