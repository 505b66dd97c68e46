using ReviewPulse.Training.Data;
using ReviewPulse.Training.Engine;
using ReviewPulse.Training.Models;
using ReviewPulse.Training.Tests.Support;

namespace ReviewPulse.Training.Tests.Models;

public sealed class TrainerTests
{
    public static TheoryData<string> Presets => ["tiny-cnn", "tiny-ngram"];

    private static TrainingPreset Preset(string name) => name == "tiny-cnn" ? TinyPresets.Cnn : TinyPresets.Ngram;

    [Theory]
    [MemberData(nameof(Presets))]
    public void Learns_the_synthetic_corpus_well_above_chance(string name)
    {
        using var temp = new TempDirectory();
        var data = TinyPresets.Dataset(temp);
        var state = new Trainer(TinyPresets.Options(data, temp.File("run"), Preset(name), epochs: 6)).Run();
        Assert.True(state.BestMacroF1 > 0.6, $"validation balanced macro-F1 {state.BestMacroF1:0.000}");
        Assert.True(File.Exists(Path.Combine(temp.File("run"), Trainer.BestCheckpoint)));
        Assert.Equal(6, File.ReadAllLines(Path.Combine(temp.File("run"), "training-log.jsonl")).Length);
    }

    [Theory]
    [MemberData(nameof(Presets))]
    public void Interrupted_and_resumed_run_ends_with_the_same_weights_as_an_uninterrupted_one(string name)
    {
        using var temp = new TempDirectory();
        var data = TinyPresets.Dataset(temp);
        var preset = Preset(name);
        new Trainer(TinyPresets.Options(data, temp.File("straight"), preset, epochs: 2)).Run();

        var stopped = new Trainer(TinyPresets.Options(data, temp.File("resumed"), preset, epochs: 2) with { MaxMinutes = 0 }).Run();
        Assert.Equal(1, stopped.BatchInEpoch); // a zero time limit stops after the first batch
        var resumed = new Trainer(TinyPresets.Options(data, temp.File("resumed"), preset, epochs: 2) with { Resume = true }).Run();
        Assert.Equal(2, resumed.Epoch);

        var a = Load(preset, Path.Combine(temp.File("straight"), Trainer.LastCheckpoint));
        var b = Load(preset, Path.Combine(temp.File("resumed"), Trainer.LastCheckpoint));
        for (var i = 0; i < a.Count; i++)
        {
            Assert.Equal(a[i].Value, b[i].Value);
        }
    }

    [Fact]
    public void Class_weights_balance_the_classes()
    {
        List<LabeledReview> rows = [new("a", 1, ""), new("b", 5, ""), new("c", 5, ""), new("d", 3, "")];
        var w = Trainer.ClassWeights(rows);
        Assert.Equal(4f / 3, w[0], 4);
        Assert.Equal(4f / 3, w[1], 4);
        Assert.Equal(4f / 6, w[2], 4);
    }

    [Fact]
    public void Learning_rate_warms_up_then_decays_to_a_tenth()
    {
        var s = new LearningRateSchedule(1f, 10, 110);
        Assert.Equal(0.1f, s.At(0), 5);
        Assert.Equal(1f, s.At(9), 5);
        Assert.True(s.At(60) < 1f && s.At(60) > 0.1f);
        Assert.Equal(0.1f, s.At(110), 5);
    }

    private static IReadOnlyList<Parameter> Load(TrainingPreset preset, string path)
    {
        var network = preset.CreateNetwork(2, 3);
        Checkpoint.Read(path, network.Parameters, null);
        return network.Parameters;
    }
}
