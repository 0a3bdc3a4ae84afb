using System.Globalization;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.ML;

namespace CheckinBot.Pings.Training;

/// <summary>
/// Fingerprints of what a model learns from. L-BFGS in ML.NET is deterministic on one machine, but not across machines:
/// session 49, on a machine without 512-bit vectors, retrained the committed model (session 47's, trained on machines
/// that agreed with each other and with CI to the last digit) and read 470 of 130,153 rows otherwise. The vector width
/// changes the model: the same machine with its 256-bit vectors turned off (<c>DOTNET_EnableAVX2=0</c>) trains yet
/// another. ML.NET's vector arithmetic (<c>Microsoft.ML.CpuMath</c> 5.0.1) hands its dense sums, dot products and
/// scaled adds to <c>TensorPrimitives</c> (<c>System.Numerics.Tensors</c> 9.0.4), which takes 512-bit paths where
/// <see cref="Vector512.IsHardwareAccelerated"/> says so (read from the libraries in session 50; no machine with 512-bit
/// vectors was at hand), and so sums in another order, and L-BFGS carries the difference on. So the committed model is
/// checked twice (<c>CommittedModelTests</c>): exactly, by the fingerprint of its inputs, which no machine changes; and
/// by retraining, within what another machine changes.
/// </summary>
internal static class TrainingInputs
{
    /// <summary>The featurised rows with their labels, the training options and ML.NET's version: the same on every machine for the same inputs.</summary>
    internal static string Of(IReadOnlyList<IReadOnlyList<TrainingRow>> rows, TrainingOptions options)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, rows, options, null);
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>The vector hardware the runtime uses and the runtime itself: what makes one machine's training another's.</summary>
    internal static string Machine =>
        string.Create(CultureInfo.InvariantCulture, $"{RuntimeInformation.FrameworkDescription}, {RuntimeInformation.ProcessArchitecture}, vectors of 512 bits {(Vector512.IsHardwareAccelerated ? "yes" : "no")}, of 256 bits {(Vector256.IsHardwareAccelerated ? "yes" : "no")}");

    /// <summary>Adds the inputs to a hash, with the folds of a split when given.</summary>
    internal static void Append(IncrementalHash hash, IReadOnlyList<IReadOnlyList<TrainingRow>> rows, TrainingOptions options, int[]? foldOf)
    {
        hash.AppendData(Encoding.UTF8.GetBytes($"{Invariant(options)}|{typeof(MLContext).Assembly.GetName().Version}"));
        var number = new byte[sizeof(int)];
        for (var corpus = 0; corpus < rows.Count; corpus++)
        {
            if (foldOf is not null)
            {
                Int(foldOf[corpus]);
            }

            foreach (var row in rows[corpus])
            {
                Int((int)row.Label);
                Int(row.InSendOrder ? 1 : 0);
                var features = row.Features;
                Int(features.GetValues().Length);
                foreach (var index in features.GetIndices())
                {
                    Int(index);
                }

                foreach (var value in features.GetValues())
                {
                    Int(BitConverter.SingleToInt32Bits(value));
                }
            }
        }

        void Int(int value)
        {
            BitConverter.TryWriteBytes(number, value);
            hash.AppendData(number);
        }
    }

    /// <summary>The options as their record prints them (every member, new ones too), with numbers written the same in any culture.</summary>
    private static string Invariant(TrainingOptions options)
    {
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        try
        {
            return options.ToString();
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }
}
