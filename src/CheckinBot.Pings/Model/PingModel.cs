using System.Buffers.Binary;
using System.IO.Compression;
using CheckinBot.Core.Pings;

namespace CheckinBot.Pings.Model;

/// <summary>
/// The learned weights: one weight per class for each hashed feature, and one bias per class. A message's
/// probabilities are the softmax of bias plus the dot product of its features with each class's weights — the
/// same function as the ML.NET maximum-entropy model they were read from, without ML.NET at serve time.
/// Classes are in <see cref="PingClass"/> order.
/// </summary>
internal sealed class PingModel
{
    public const int Classes = 3;

    private const int Magic = 0x4D504243; // "CBPM"
    private const int Version = 1;

    /// <summary>Weights, feature-major: <c>[feature * Classes + class]</c>.</summary>
    private readonly float[] _weights;
    private readonly float[] _biases;

    public PingModel(int bits, float[] weights, float[] biases)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(biases);
        if (weights.Length != (1 << bits) * Classes || biases.Length != Classes)
        {
            throw new ArgumentException("The weights do not fit the feature space.", nameof(weights));
        }

        Bits = bits;
        _weights = weights;
        _biases = biases;
    }

    public int Bits { get; }

    /// <summary>How many features carry a weight other than zero.</summary>
    public int Features
    {
        get
        {
            var count = 0;
            for (var f = 0; f < _weights.Length; f += Classes)
            {
                count += _weights[f] != 0 || _weights[f + 1] != 0 || _weights[f + 2] != 0 ? 1 : 0;
            }

            return count;
        }
    }

    public float Weight(int feature, PingClass value) => _weights[feature * Classes + (int)value];

    /// <summary>Writes the class probabilities of a message with these features into <paramref name="probabilities"/>.</summary>
    public void Score(List<int> features, float value, Span<float> probabilities)
    {
        Span<float> logits = stackalloc float[Classes];
        _biases.CopyTo(logits);
        foreach (var feature in features)
        {
            var at = feature * Classes;
            logits[0] += _weights[at] * value;
            logits[1] += _weights[at + 1] * value;
            logits[2] += _weights[at + 2] * value;
        }

        var max = MathF.Max(logits[0], MathF.Max(logits[1], logits[2]));
        var sum = 0f;
        for (var c = 0; c < Classes; c++)
        {
            probabilities[c] = MathF.Exp(logits[c] - max);
            sum += probabilities[c];
        }

        for (var c = 0; c < Classes; c++)
        {
            probabilities[c] /= sum;
        }
    }

    /// <summary>The compact file: a header, the biases, then only the features with a weight, compressed.</summary>
    public void Write(Stream stream)
    {
        using var zip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(zip);
        writer.Write(Magic);
        writer.Write(Version);
        writer.Write(Bits);
        writer.Write(Classes);
        foreach (var bias in _biases)
        {
            writer.Write(bias);
        }

        writer.Write(Features);
        for (var f = 0; f < _weights.Length / Classes; f++)
        {
            var at = f * Classes;
            if (_weights[at] != 0 || _weights[at + 1] != 0 || _weights[at + 2] != 0)
            {
                writer.Write(f);
                writer.Write(_weights[at]);
                writer.Write(_weights[at + 1]);
                writer.Write(_weights[at + 2]);
            }
        }
    }

    /// <summary>
    /// Reads a model file: decompressed in one go, then read from memory (one small read per number through the
    /// decompressor cost most of the load time).
    /// </summary>
    /// <exception cref="InvalidDataException">The stream is not a ping model of this version.</exception>
    public static PingModel Read(Stream stream)
    {
        using var unzipped = new MemoryStream();
        using (var zip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true))
        {
            zip.CopyTo(unzipped);
        }

        var file = new ModelReader(unzipped.GetBuffer().AsSpan(0, (int)unzipped.Length));
        if (file.Int() != Magic || file.Int() != Version)
        {
            throw new InvalidDataException("Not a CheckinBot ping model of version 1.");
        }

        var bits = file.Int();
        if (bits is < 8 or > 24 || file.Int() != Classes)
        {
            throw new InvalidDataException("The ping model's shape is not supported.");
        }

        var biases = new float[Classes];
        for (var c = 0; c < Classes; c++)
        {
            biases[c] = file.Float();
        }

        var weights = new float[(1 << bits) * Classes];
        var count = file.Int();
        for (var i = 0; i < count; i++)
        {
            var feature = file.Int();
            if (feature < 0 || feature >= 1 << bits)
            {
                throw new InvalidDataException("A feature of the ping model is out of range.");
            }

            for (var c = 0; c < Classes; c++)
            {
                weights[feature * Classes + c] = file.Float();
            }
        }

        return new PingModel(bits, weights, biases);
    }

    /// <summary>Little-endian numbers from the decompressed file, as <see cref="BinaryWriter"/> wrote them.</summary>
    private ref struct ModelReader(ReadOnlySpan<byte> bytes)
    {
        private ReadOnlySpan<byte> _rest = bytes;

        public int Int()
        {
            if (_rest.Length < sizeof(int))
            {
                throw new InvalidDataException("The ping model file is cut short.");
            }

            var value = BinaryPrimitives.ReadInt32LittleEndian(_rest);
            _rest = _rest[sizeof(int)..];
            return value;
        }

        public float Float() => BitConverter.Int32BitsToSingle(Int());
    }
}
