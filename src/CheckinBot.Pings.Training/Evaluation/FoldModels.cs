using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CheckinBot.Pings.Model;
using CheckinBot.Pings.Training;
using Microsoft.ML;

namespace CheckinBot.Pings.Evaluation;

/// <summary>
/// A folder that keeps each held-out fold's trained model, so that a long split started again goes on where it stopped:
/// leave-one-corpus-out trains one model per corpus (its timings are in docs/ping-classifier-history.md), and a fold
/// whose model is already in the folder is read back instead of trained again. A model is written whole or not at all.
/// The folder belongs to one run: its <c>run.txt</c> holds a fingerprint of everything the models learned from (the
/// featurised rows with their labels, the folds, the training options, and the build of the trainer and of ML.NET), and
/// a folder made by another run is refused rather than mixed into this one.
/// </summary>
/// <param name="folder">The folder; made when it does not exist.</param>
public sealed class FoldModels(string folder)
{
    private const string RunFile = "run.txt";

    /// <summary>The folder, as a full path.</summary>
    public string Folder { get; } = Path.GetFullPath(folder);

    /// <summary>Makes the folder this run's, or checks that it is: false when the folder holds another run's models.</summary>
    internal bool Claim(string fingerprint)
    {
        Directory.CreateDirectory(Folder);
        var run = Path.Combine(Folder, RunFile);
        if (File.Exists(run))
        {
            return File.ReadAllText(run).Trim() == fingerprint;
        }

        File.WriteAllText(run, fingerprint + Environment.NewLine);
        return true;
    }

    /// <summary>The fold's model from the folder, or trained now and written there.</summary>
    /// <exception cref="InvalidDataException">The folder holds a file for the fold that is not a ping model.</exception>
    internal PingModel GetOrTrain(int fold, Func<PingModel> train)
    {
        var path = Path.Combine(Folder, string.Create(CultureInfo.InvariantCulture, $"fold-{fold:D4}.bin"));
        if (File.Exists(path))
        {
            try
            {
                using var stream = File.OpenRead(path);
                return PingModel.Read(stream);
            }
            catch (InvalidDataException e)
            {
                throw new InvalidDataException($"The kept fold {path} is not a ping model; delete it, and the run trains it again.", e);
            }
        }

        var model = train();
        var part = path + ".part";
        using (var stream = File.Create(part))
        {
            model.Write(stream);
        }

        File.Move(part, path, overwrite: true);
        return model;
    }

    /// <summary>A fingerprint of what every fold's model learns from: the same only for the same run.</summary>
    internal static string Fingerprint(IReadOnlyList<IReadOnlyList<TrainingRow>> rows, int[] foldOf, int folds, TrainingOptions options)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Text(string.Create(CultureInfo.InvariantCulture, $"{options}|{folds}|{typeof(PingTrainer).Assembly.ManifestModule.ModuleVersionId}|{typeof(MLContext).Assembly.GetName().Version}"));
        var number = new byte[sizeof(int)];
        for (var corpus = 0; corpus < rows.Count; corpus++)
        {
            Int(foldOf[corpus]);
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

        return Convert.ToHexString(hash.GetHashAndReset());

        void Text(string value) => hash.AppendData(Encoding.UTF8.GetBytes(value));

        void Int(int value)
        {
            BitConverter.TryWriteBytes(number, value);
            hash.AppendData(number);
        }
    }
}
