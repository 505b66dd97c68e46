using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ReviewPulse.Training.Engine;

namespace ReviewPulse.Training.Models;

/// <summary>Where a run stands: enough to resume it exactly at a batch boundary.</summary>
internal sealed record TrainingState(string Preset, int Seed, int Epoch, int BatchInEpoch, long Step, double BestMacroF1,
    int EpochsWithoutImprovement, bool Finished, TrainingPreset? PresetSpec = null)
{
    /// <summary>The network definition saved with the run, so a checkpoint outlives later edits to the preset list.</summary>
    public TrainingPreset ResolvePreset() => PresetSpec ?? TrainingPreset.Find(Preset);
}

/// <summary>
/// Binary checkpoint: magic, JSON state, parameter values, Adam moments, then a sha256 of all of it, so a truncated or
/// corrupted file is refused with its name instead of silently resuming from garbage.
/// </summary>
internal static class Checkpoint
{
    private static readonly byte[] Magic = "RPCKPT01"u8.ToArray();

    public static void Save(string path, TrainingState state, IReadOnlyList<Parameter> parameters, Adam? adam)
    {
        using var buffer = new MemoryStream();
        using (var w = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Magic);
            var header = JsonSerializer.SerializeToUtf8Bytes(state);
            w.Write(header.Length);
            w.Write(header);
            w.Write(parameters.Count);
            for (var i = 0; i < parameters.Count; i++)
            {
                w.Write(parameters[i].Name);
                w.Write(parameters[i].Length);
                WriteFloats(w, parameters[i].Value);
            }
            w.Write(adam is not null);
            if (adam is not null)
            {
                w.Write(adam.Step);
                for (var i = 0; i < parameters.Count; i++)
                {
                    WriteFloats(w, adam.FirstMoments[i]);
                    WriteFloats(w, adam.SecondMoments[i]);
                }
            }
        }
        buffer.Write(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)));
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, buffer.ToArray());
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Reads only the state, e.g. to pick the preset before building the network.</summary>
    public static TrainingState ReadState(string path) => Read(path, null, null);

    /// <summary>Loads values (and Adam moments when given) into the network's parameters; returns the state.</summary>
    public static TrainingState Read(string path, IReadOnlyList<Parameter>? parameters, Adam? adam)
    {
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"Checkpoint '{path}' does not exist.");
        }
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < Magic.Length + 36 || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            throw new InvalidDataException($"Checkpoint '{path}' is not a ReviewPulse checkpoint (bad header).");
        }
        var body = bytes.AsSpan(0, bytes.Length - 32);
        if (!SHA256.HashData(body).AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - 32)))
        {
            throw new InvalidDataException($"Checkpoint '{path}' is corrupt or truncated (checksum mismatch).");
        }
        using var r = new BinaryReader(new MemoryStream(bytes, 0, body.Length));
        r.ReadBytes(Magic.Length);
        var state = JsonSerializer.Deserialize<TrainingState>(r.ReadBytes(r.ReadInt32()))
            ?? throw new InvalidDataException($"Checkpoint '{path}' has no state.");
        if (parameters is null)
        {
            return state;
        }
        var count = r.ReadInt32();
        if (count != parameters.Count)
        {
            throw new InvalidDataException($"Checkpoint '{path}' has {count} parameters; preset '{state.Preset}' needs {parameters.Count}.");
        }
        foreach (var p in parameters)
        {
            var name = r.ReadString();
            var length = r.ReadInt32();
            if (name != p.Name || length != p.Length)
            {
                throw new InvalidDataException($"Checkpoint '{path}' holds {name}[{length}] where {p.Name}[{p.Length}] was expected.");
            }
            ReadFloats(r, p.Value);
        }
        if (r.ReadBoolean() && adam is not null)
        {
            adam.Step = r.ReadInt64();
            for (var i = 0; i < parameters.Count; i++)
            {
                ReadFloats(r, adam.FirstMoments[i]);
                ReadFloats(r, adam.SecondMoments[i]);
            }
        }
        return state;
    }

    private static void WriteFloats(BinaryWriter w, float[] values) =>
        w.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));

    private static void ReadFloats(BinaryReader r, float[] values) =>
        r.BaseStream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));
}
