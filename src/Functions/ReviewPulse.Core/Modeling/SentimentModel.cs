using System.Buffers;
using Microsoft.ML.OnnxRuntime;
using ReviewPulse.Core.Sentiment;
using ReviewPulse.Core.Text;

namespace ReviewPulse.Core.Modeling;

/// <summary>A loaded, verified sentiment model; one ONNX Runtime session shared by all callers (thread-safe).</summary>
public sealed class SentimentModel : IDisposable
{
    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions = new();
    private readonly ITextEncoder _encoder;
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;

    static SentimentModel()
    {
        // ONNX Runtime otherwise may write telemetry state under the home directory, which is read-only in Lambda.
        Environment.SetEnvironmentVariable("ORT_DISABLE_TELEMETRY", "1");
    }

    private SentimentModel(ModelPackage package, int threads)
    {
        Manifest = package.Manifest;
        _encoder = Manifest.Encoding.CreateEncoder();
        using var options = new SessionOptions
        {
            IntraOpNumThreads = threads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        try
        {
            _session = new InferenceSession(package.OnnxBytes, options);
        }
        catch (OnnxRuntimeException e)
        {
            throw new ModelLoadException($"ONNX Runtime cannot load '{Path.Combine(package.Directory, Manifest.Onnx.File)}': {e.Message}", e);
        }
        _inputNames = [Manifest.Input.Name];
        _outputNames = [Manifest.Output.Name];
        if (!_session.InputMetadata.ContainsKey(Manifest.Input.Name) || !_session.OutputMetadata.ContainsKey(Manifest.Output.Name))
        {
            _session.Dispose();
            throw new ModelLoadException(
                $"Model '{package.Directory}' has no input '{Manifest.Input.Name}' or output '{Manifest.Output.Name}' as its manifest says.");
        }
    }

    public ModelManifest Manifest { get; }

    /// <summary>Loads and verifies the package in <paramref name="directory"/>.</summary>
    /// <param name="directory">Folder holding manifest.json and model.onnx.</param>
    /// <param name="threads">ONNX Runtime intra-op threads; 1 gives the lowest single-review latency under load.</param>
    public static SentimentModel Load(string directory, int threads = 1) => new(ModelPackage.Load(directory), threads);

    public SentimentPrediction Predict(string text) => PredictBatch([text])[0];

    public IReadOnlyList<SentimentPrediction> PredictBatch(IReadOnlyList<string> texts)
    {
        if (texts.Count == 0)
        {
            return [];
        }
        var probabilities = Probabilities(texts);
        var results = new SentimentPrediction[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            results[i] = ToPrediction(probabilities.AsSpan(i * SentimentLabels.Count, SentimentLabels.Count));
        }
        return results;
    }

    /// <summary>Raw class probabilities, row-major [texts × 3].</summary>
    public float[] Probabilities(IReadOnlyList<string> texts)
    {
        var (ids, width) = Encode(texts);
        try
        {
            long[] shape = [texts.Count, width];
            using var input = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, ids.AsMemory(0, texts.Count * width), shape);
            using var outputs = _session.Run(_runOptions, _inputNames, [input], _outputNames);
            return outputs[0].GetTensorDataAsSpan<float>().ToArray();
        }
        finally
        {
            ArrayPool<long>.Shared.Return(ids);
        }
    }

    public SentimentPrediction ToPrediction(ReadOnlySpan<float> p)
    {
        var label = (SentimentLabel)ArgMax(p);
        var score = Math.Clamp(RatingScale.Score(p), 0f, 1f);
        return new SentimentPrediction(label, p[0], p[1], p[2], score, Manifest.Rating.SuggestedRating(score));
    }

    public void Dispose()
    {
        _session.Dispose();
        _runOptions.Dispose();
    }

    private (long[] Ids, int Width) Encode(IReadOnlyList<string> texts)
    {
        var scratch = ArrayPool<int>.Shared.Rent(_encoder.MaxLength);
        try
        {
            var encoded = new int[texts.Count][];
            var width = _encoder.FixedLength ? _encoder.MaxLength : 1;
            for (var i = 0; i < texts.Count; i++)
            {
                var count = _encoder.Encode(texts[i], scratch);
                encoded[i] = scratch[..count];
                width = Math.Max(width, count);
            }
            var ids = ArrayPool<long>.Shared.Rent(texts.Count * width);
            for (var i = 0; i < texts.Count; i++)
            {
                var row = ids.AsSpan(i * width, width);
                for (var j = 0; j < encoded[i].Length; j++)
                {
                    row[j] = encoded[i][j];
                }
                row[encoded[i].Length..].Fill(_encoder.PadIndex);
            }
            return (ids, width);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(scratch);
        }
    }

    private static int ArgMax(ReadOnlySpan<float> values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }
        return best;
    }
}
