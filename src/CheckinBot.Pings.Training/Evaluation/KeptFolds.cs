using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CheckinBot.Pings.Training;

namespace CheckinBot.Pings.Evaluation;

/// <summary>
/// A folder that keeps what each held-out fold's model made of its rows, so that a long split started again goes on
/// where it stopped: leave-one-corpus-out trains one model per corpus (its timings are in
/// docs/ping-classifier-history.md), and a fold already in the folder is read back instead of trained again. A fold
/// keeps only its held-out rows' two probabilities (status, urgent), not its model: a few kilobytes, small enough to
/// commit, so that a run outlives the machine it started on. The rules and the decisions are read again from the rows.
/// A fold is written whole or not at all. The folder belongs to one run: its <c>run.txt</c> holds a fingerprint of
/// everything the models learned from (the featurised rows with their labels, the folds, the training options, and the
/// build of the trainer and of ML.NET; the trainer builds the same in any checkout) and of the machine's vector hardware
/// and runtime, which change what L-BFGS learns (<see cref="TrainingInputs"/>), and a folder made by another run, or
/// on a machine that trains otherwise, is refused rather than mixed into this one.
/// </summary>
/// <param name="folder">The folder; made when it does not exist.</param>
public sealed class KeptFolds(string folder)
{
    private const string RunFile = "run.txt";
    private const string CorpusLine = "# ";

    /// <summary>The folder, as a full path.</summary>
    public string Folder { get; } = Path.GetFullPath(folder);

    /// <summary>Makes the folder this run's, or checks that it is: false when the folder holds another run's folds.</summary>
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

    /// <summary>
    /// The kept probabilities of a fold's held-out rows, corpus by corpus in the order given, or null when the fold is
    /// not kept yet.
    /// </summary>
    /// <exception cref="InvalidDataException">The folder holds a file for the fold that is not this fold's.</exception>
    internal IReadOnlyList<(float Status, float Urgent)>? Read(int fold, IReadOnlyList<LabelledCorpus> heldOut)
    {
        var path = PathOf(fold);
        if (!File.Exists(path))
        {
            return null;
        }

        var kept = new List<(float, float)>(heldOut.Sum(c => c.Samples.Count));
        using var reader = File.OpenText(path);
        foreach (var corpus in heldOut)
        {
            var header = reader.ReadLine();
            if (header != CorpusHeader(corpus))
            {
                throw Damaged($"where \"{CorpusHeader(corpus)}\" should open a corpus, it holds \"{header}\"");
            }

            for (var row = 0; row < corpus.Samples.Count; row++)
            {
                var parts = reader.ReadLine()?.Split('\t');
                if (parts is not [var status, var urgent]
                    || !float.TryParse(status, NumberStyles.Float, CultureInfo.InvariantCulture, out var s)
                    || !float.TryParse(urgent, NumberStyles.Float, CultureInfo.InvariantCulture, out var u)
                    || s is not (>= 0f and <= 1f) || u is not (>= 0f and <= 1f))
                {
                    throw Damaged($"row {row + 1} of {corpus.Name} is not two probabilities");
                }

                kept.Add((s, u));
            }
        }

        return reader.ReadLine() is null ? kept : throw Damaged("it holds more rows than the fold");

        InvalidDataException Damaged(string what) =>
            new($"The kept fold {path} is not this fold's: {what}; delete it, and the run trains it again.");
    }

    /// <summary>Keeps a fold's held-out rows' probabilities, corpus by corpus in the order given.</summary>
    internal void Keep(int fold, IReadOnlyList<LabelledCorpus> heldOut, IReadOnlyList<ScoredSample> scored)
    {
        var path = PathOf(fold);
        var part = path + ".part";
        using (var writer = new StreamWriter(part, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { NewLine = "\n" })
        {
            var at = 0;
            foreach (var corpus in heldOut)
            {
                writer.WriteLine(CorpusHeader(corpus));
                for (var row = 0; row < corpus.Samples.Count; row++, at++)
                {
                    var reading = scored[at].Reading;
                    writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{reading.Status:R}\t{reading.Urgent:R}"));
                }
            }
        }

        File.Move(part, path, overwrite: true);
    }

    private string PathOf(int fold) => Path.Combine(Folder, string.Create(CultureInfo.InvariantCulture, $"fold-{fold:D4}.tsv"));

    private static string CorpusHeader(LabelledCorpus corpus) =>
        string.Create(CultureInfo.InvariantCulture, $"{CorpusLine}{corpus.Name} {corpus.Samples.Count}");

    /// <summary>
    /// A fingerprint of what every fold's model learns from, and of what trains it: the same only for the same run, on
    /// a machine that trains the same (<see cref="TrainingInputs"/>).
    /// </summary>
    internal static string Fingerprint(IReadOnlyList<IReadOnlyList<TrainingRow>> rows, int[] foldOf, int folds, TrainingOptions options)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{folds}|{typeof(PingTrainer).Assembly.ManifestModule.ModuleVersionId}|{TrainingInputs.Machine}")));
        TrainingInputs.Append(hash, rows, options, foldOf);
        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
