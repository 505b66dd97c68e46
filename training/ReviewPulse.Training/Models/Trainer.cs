using System.Diagnostics;
using System.Text.Json;
using ReviewPulse.Core.Sentiment;
using ReviewPulse.Training.Data;
using ReviewPulse.Training.Engine;
using ReviewPulse.Training.Evaluation;

namespace ReviewPulse.Training.Models;

/// <summary>Options of the <c>train</c> command.</summary>
internal sealed record TrainOptions(string DataDirectory, string OutputDirectory, string Preset, int Seed, int Threads,
    int? Epochs = null, int? BatchSize = null, float? LearningRate = null, int Patience = 2, double? MaxMinutes = null,
    bool Resume = false, int? TrainLimit = null, int? ValidationLimit = null, bool BalanceClasses = true, float? WeightDecayOverride = null,
    TrainingPreset? CustomPreset = null);

/// <summary>Progress of a run, reported after each batch.</summary>
internal sealed record TrainProgress(int Epoch, int Epochs, int Batch, int Batches, int BatchSize, float Loss, double SamplesPerSecond)
{
    /// <summary>Time left in this epoch at the current speed.</summary>
    public TimeSpan EpochRemaining => TimeSpan.FromSeconds((Batches - Batch) * BatchSize / Math.Max(1e-9, SamplesPerSecond));
}

/// <summary>
/// The training loop: seeded shuffles, class-weighted loss, AdamW with warm-up and cosine decay, validation macro-F1
/// after each epoch with early stopping, checkpoints (<c>last.ckpt</c> to resume, <c>best.ckpt</c> to export).
/// </summary>
internal sealed class Trainer(TrainOptions options, IProgress<TrainProgress>? progress = null, Action<string>? log = null)
{
    public const string LastCheckpoint = "last.ckpt";
    public const string BestCheckpoint = "best.ckpt";
    private static readonly TimeSpan CheckpointInterval = TimeSpan.FromMinutes(5);

    public TrainingState Run()
    {
        var preset = options.CustomPreset ?? TrainingPreset.Find(options.Preset);
        var train = Load("train", options.TrainLimit);
        var validation = Load("validation", options.ValidationLimit);
        if (train.Count == 0 || validation.Count == 0)
        {
            throw new InvalidDataException($"'{options.DataDirectory}' needs non-empty train.csv and validation.csv (run the dataset command).");
        }
        var network = preset.CreateNetwork(options.Threads, options.Seed);
        var adam = new Adam(network.Parameters);
        Directory.CreateDirectory(options.OutputDirectory);
        var lastPath = Path.Combine(options.OutputDirectory, LastCheckpoint);
        var state = new TrainingState(preset.Name, options.Seed, 0, 0, 0, -1, 0, false, preset);
        if (options.Resume && File.Exists(lastPath))
        {
            state = Checkpoint.Read(lastPath, network.Parameters, adam);
            if (state.Preset != preset.Name || state.Seed != options.Seed)
            {
                throw new InvalidDataException($"Checkpoint '{lastPath}' is from preset '{state.Preset}' seed {state.Seed}; this run is '{preset.Name}' seed {options.Seed}.");
            }
            log?.Invoke($"resuming from {lastPath}: epoch {state.Epoch + 1}, batch {state.BatchInEpoch}, step {state.Step}");
        }
        var epochs = options.Epochs ?? preset.Epochs;
        var batchSize = options.BatchSize ?? preset.BatchSize;
        var batches = (train.Count + batchSize - 1) / batchSize;
        var schedule = new LearningRateSchedule(options.LearningRate ?? preset.LearningRate, Math.Min(500, batches / 2 + 1), (long)epochs * batches);
        float[] classWeights = options.BalanceClasses ? ClassWeights(train) : [1f, 1f, 1f];
        log?.Invoke($"preset {preset.Name}: {train.Count} train / {validation.Count} validation rows, {batches} batches of {batchSize}, class weights {string.Join(", ", classWeights.Select(w => w.ToString("0.00")))}");

        var clock = Stopwatch.StartNew();
        var sinceCheckpoint = Stopwatch.StartNew();
        var batch = new EncodedBatch(network.Encoder, batchSize);
        var logits = new float[batchSize * 3];
        var grad = new float[batchSize * 3];
        while (state.Epoch < epochs && !state.Finished)
        {
            var order = Shuffled(train.Count, options.Seed * 7919 + state.Epoch);
            var epochClock = Stopwatch.StartNew();
            var firstBatch = state.BatchInEpoch;
            var samples = 0L;
            var lossSum = 0.0;
            for (var b = state.BatchInEpoch; b < batches; b++)
            {
                var indices = order.AsSpan(b * batchSize, Math.Min(batchSize, train.Count - b * batchSize)).ToArray();
                batch.Fill([.. indices.Select(i => train[i].Text)], [.. indices.Select(i => train[i].Label)]);
                // Dropout masks depend only on (seed, epoch, batch), so a resumed run repeats an uninterrupted one.
                network.DropoutRandom = new Random(unchecked((options.Seed * 1_000_003) + (state.Epoch * 100_003) + b));
                network.Forward(batch, logits, training: true);
                var loss = SoftmaxCrossEntropy.LossAndGradient(logits.AsSpan(0, batch.Count * 3), batch.Labels.AsSpan(0, batch.Count), classWeights, grad);
                network.Backward(batch, grad);
                adam.ClipGradientNorm(5f);
                adam.Update(schedule.At(state.Step), options.WeightDecayOverride ?? preset.WeightDecay);
                state = state with { Step = state.Step + 1, BatchInEpoch = b + 1 };
                samples += batch.Count;
                lossSum += loss;
                progress?.Report(new TrainProgress(state.Epoch + 1, epochs, b + 1, batches, batchSize, (float)(lossSum / (b + 1 - firstBatch)), samples / epochClock.Elapsed.TotalSeconds));
                if (options.MaxMinutes is { } max && clock.Elapsed.TotalMinutes >= max)
                {
                    Checkpoint.Save(lastPath, state, network.Parameters, adam);
                    log?.Invoke($"time limit of {max} min reached at epoch {state.Epoch + 1} batch {b + 1}; resume with --resume");
                    return state;
                }
                if (sinceCheckpoint.Elapsed > CheckpointInterval)
                {
                    Checkpoint.Save(lastPath, state, network.Parameters, adam);
                    sinceCheckpoint.Restart();
                }
            }
            state = EndEpoch(state, network, validation, epochs, lossSum / Math.Max(1, batches), samples / epochClock.Elapsed.TotalSeconds);
            Checkpoint.Save(lastPath, state, network.Parameters, adam);
        }
        return state;
    }

    private TrainingState EndEpoch(TrainingState state, ISentimentNetwork network, List<LabeledReview> validation,
        int epochs, double loss, double samplesPerSecond)
    {
        var probabilities = Inference.Probabilities(network, [.. validation.Select(v => v.Text)]);
        var report = ClassificationReport.Create([.. validation.Select(v => v.Stars)], probabilities, RatingScale.Uniform);
        var improved = report.BalancedMacroF1 > state.BestMacroF1;
        var next = state with
        {
            Epoch = state.Epoch + 1,
            BatchInEpoch = 0,
            BestMacroF1 = Math.Max(report.BalancedMacroF1, state.BestMacroF1),
            EpochsWithoutImprovement = improved ? 0 : state.EpochsWithoutImprovement + 1,
        };
        next = next with { Finished = next.EpochsWithoutImprovement >= options.Patience || next.Epoch >= epochs };
        if (improved)
        {
            Checkpoint.Save(Path.Combine(options.OutputDirectory, BestCheckpoint), next, network.Parameters, null);
        }
        var line = JsonSerializer.Serialize(new
        {
            epoch = next.Epoch,
            step = next.Step,
            trainLoss = loss,
            samplesPerSecond,
            validationMacroF1 = report.MacroF1,
            validationBalancedMacroF1 = report.BalancedMacroF1,
            validationAccuracy = report.Accuracy,
            neutralRecall = report.PerClass[1].Recall,
            improved,
        });
        File.AppendAllText(Path.Combine(options.OutputDirectory, "training-log.jsonl"), line + "\n");
        log?.Invoke($"epoch {next.Epoch}/{epochs}: loss {loss:0.0000}, {samplesPerSecond:0} samples/s, validation macro-F1 {report.MacroF1:0.0000} (balanced {report.BalancedMacroF1:0.0000}), neutral recall {report.PerClass[1].Recall:0.000}{(improved ? " *best*" : "")}");
        return next;
    }

    private List<LabeledReview> Load(string split, int? limit)
    {
        var rows = SplitFile.Read(Path.Combine(options.DataDirectory, $"{split}.csv"));
        if (limit is { } n && rows.Count > n)
        {
            var order = Shuffled(rows.Count, options.Seed + split.Length);
            rows = [.. order.Take(n).Order().Select(i => rows[i])];
        }
        return rows;
    }

    /// <summary>Inverse class frequency, normalised so a balanced set would weigh 1 each.</summary>
    public static float[] ClassWeights(IReadOnlyList<LabeledReview> rows)
    {
        var counts = new double[3];
        foreach (var r in rows)
        {
            counts[r.Label]++;
        }
        return [.. counts.Select(c => c > 0 ? (float)(rows.Count / (3 * c)) : 0f)];
    }

    private static int[] Shuffled(int count, int seed)
    {
        var order = Enumerable.Range(0, count).ToArray();
        new Random(seed).Shuffle(order);
        return order;
    }
}

/// <summary>Linear warm-up to the peak rate, then cosine decay to a tenth of it.</summary>
internal sealed record LearningRateSchedule(float Peak, long WarmupSteps, long TotalSteps)
{
    public float At(long step)
    {
        if (step < WarmupSteps)
        {
            return Peak * (step + 1) / WarmupSteps;
        }
        var progress = Math.Min(1.0, (double)(step - WarmupSteps) / Math.Max(1, TotalSteps - WarmupSteps));
        return (float)(Peak * (0.1 + 0.9 * 0.5 * (1 + Math.Cos(Math.PI * progress))));
    }
}
