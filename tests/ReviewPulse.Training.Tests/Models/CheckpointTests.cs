using ReviewPulse.Training.Engine;
using ReviewPulse.Training.Models;
using ReviewPulse.Training.Tests.Support;

namespace ReviewPulse.Training.Tests.Models;

public sealed class CheckpointTests
{
    private static readonly TrainingState State = new("tiny-cnn", 1, 2, 3, 40, 0.5, 0, false, TinyPresets.Cnn);

    [Fact]
    public void Round_trips_weights_moments_and_state()
    {
        using var temp = new TempDirectory();
        var net = TinyPresets.Cnn.CreateNetwork(1, 1);
        var adam = new Adam(net.Parameters) { Step = 17 };
        adam.FirstMoments[0][3] = 0.25f;
        Checkpoint.Save(temp.File("c.ckpt"), State, net.Parameters, adam);

        var other = TinyPresets.Cnn.CreateNetwork(1, 99);
        var otherAdam = new Adam(other.Parameters);
        var state = Checkpoint.Read(temp.File("c.ckpt"), other.Parameters, otherAdam);
        Assert.Equal(State with { PresetSpec = null }, state with { PresetSpec = null });
        Assert.Equal(TinyPresets.Cnn.Cnn!.Filters, state.ResolvePreset().Cnn!.Filters);
        Assert.Equal(17, otherAdam.Step);
        Assert.Equal(0.25f, otherAdam.FirstMoments[0][3]);
        Assert.Equal(net.Parameters[2].Value, other.Parameters[2].Value);
    }

    [Fact]
    public void Flipped_byte_truncation_and_foreign_files_are_refused_naming_the_file()
    {
        using var temp = new TempDirectory();
        var net = TinyPresets.Cnn.CreateNetwork(1, 1);
        var path = temp.File("c.ckpt");
        Checkpoint.Save(path, State, net.Parameters, null);
        var bytes = File.ReadAllBytes(path);

        bytes[bytes.Length / 2] ^= 0x40;
        File.WriteAllBytes(path, bytes);
        Assert.Contains("c.ckpt' is corrupt", Assert.Throws<InvalidDataException>(() => Checkpoint.Read(path, net.Parameters, null)).Message);

        File.WriteAllBytes(path, bytes[..(bytes.Length / 3)]);
        Assert.Contains("c.ckpt", Assert.Throws<InvalidDataException>(() => Checkpoint.ReadState(path)).Message);

        File.WriteAllText(path, "not a checkpoint at all, just some text that is long enough");
        Assert.Contains("not a ReviewPulse checkpoint", Assert.Throws<InvalidDataException>(() => Checkpoint.ReadState(path)).Message);

        Assert.Contains("does not exist", Assert.Throws<InvalidDataException>(() => Checkpoint.ReadState(temp.File("none.ckpt"))).Message);
    }

    [Fact]
    public void A_checkpoint_of_another_network_shape_is_refused()
    {
        using var temp = new TempDirectory();
        var path = temp.File("c.ckpt");
        Checkpoint.Save(path, State, TinyPresets.Cnn.CreateNetwork(1, 1).Parameters, null);
        var e = Assert.Throws<InvalidDataException>(() => Checkpoint.Read(path, TinyPresets.Ngram.CreateNetwork(1, 1).Parameters, null));
        Assert.Contains("c.ckpt", e.Message);
    }
}
