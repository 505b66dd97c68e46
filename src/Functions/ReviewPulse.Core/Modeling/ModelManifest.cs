using System.Text.Json.Serialization;
using ReviewPulse.Core.Sentiment;
using ReviewPulse.Core.Text;

namespace ReviewPulse.Core.Modeling;

/// <summary>Everything needed to use and trust a <c>model.onnx</c>: the contract written to <c>manifest.json</c>.</summary>
public sealed record ModelManifest(
    int FormatVersion,
    string Version,
    ModelArchitecture Architecture,
    TextEncodingSpec Encoding,
    TensorSpec Input,
    TensorSpec Output,
    IReadOnlyList<string> Labels,
    RatingScale Rating,
    OnnxFileSpec Onnx,
    TrainingProvenance Training,
    IReadOnlyDictionary<string, double> Metrics,
    DateTimeOffset CreatedAt)
{
    /// <summary>The manifest format this code reads and writes.</summary>
    public const int CurrentFormatVersion = 1;

    public const string FileName = "manifest.json";
}

/// <summary>Which network and with which hyper-parameters.</summary>
public sealed record ModelArchitecture(string Name, string Preset, IReadOnlyDictionary<string, string> HyperParameters);

/// <summary>Name, element type and shape of a model input or output ("batch" and "length" are symbolic).</summary>
public sealed record TensorSpec(string Name, string ElementType, IReadOnlyList<string> Shape);

/// <summary>The ONNX file and its integrity hash.</summary>
public sealed record OnnxFileSpec(string File, string Sha256, int Opset, long SizeBytes);

/// <summary>Where the weights came from: data fingerprint, split and command.</summary>
public sealed record TrainingProvenance(string DataSha256, string DataDescription, int Seed, long TrainRows, string Command);

/// <summary>The text encoding a model was trained with.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(CharacterEncodingSpec), "characters")]
[JsonDerivedType(typeof(HashedNgramEncodingSpec), "hashed-ngrams")]
public abstract record TextEncodingSpec
{
    public abstract ITextEncoder CreateEncoder();
}

/// <summary>The tutorial's character quantisation: lower-cased, reversed, unknown characters dropped, padded.</summary>
public sealed record CharacterEncodingSpec(string Alphabet, int MaxLength, bool Lowercase = true, bool Reverse = true,
    string UnknownCharacters = "drop", string Padding = "trailing, index = alphabet length") : TextEncodingSpec
{
    public override ITextEncoder CreateEncoder()
    {
        if (!Lowercase || !Reverse || UnknownCharacters != "drop")
        {
            throw new InvalidDataException("Only the lower-cased, reversed, unknown-dropping character encoding is supported.");
        }
        return new CharacterEncoder(Alphabet, MaxLength);
    }
}

/// <summary>fastText-style hashed word and character n-grams (see <see cref="HashedNgramEncoder"/>).</summary>
public sealed record HashedNgramEncodingSpec(int Buckets, int WordNgrams, int CharNgramMin, int CharNgramMax, int MaxLength,
    string Hash = "fnv1a-32 utf16") : TextEncodingSpec
{
    public override ITextEncoder CreateEncoder() =>
        new HashedNgramEncoder(Buckets, WordNgrams, CharNgramMin, CharNgramMax, MaxLength);
}
