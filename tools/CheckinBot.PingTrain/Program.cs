using System.Globalization;
using CheckinBot.Pings.Evaluation;
using CheckinBot.Pings.Training;

const string Usage = """
    usage: dotnet run --project tools/CheckinBot.PingTrain [-- options]
      (no option)              train on every corpus in src/CheckinBot.Pings/Corpora and write src/CheckinBot.Pings/Model/ping-model.bin
      --evaluate [set.tsv …]   leave-one-corpus-out figures per language and per corpus, the threshold sweeps (the one about
                               an open task on the corpora with a '# tasks:' header) and the misread rows; each extra set
                               (never trained on) is scored by the model trained on every corpus
      --first <new.tsv> …      measure new corpora with the model trained on the corpora as they are, before anything changes
      --corpora <folder>       another corpora folder
      --va <name>              the VA's first name for extra sets without a '# va:' header line
      --groups <n>             with --evaluate: a cheaper split for exploring, n groups of corpora held out in turn
      --iterations <n>, --l1 <x>, --l2 <x>, --other-weight <x>, --urgent-weight <x>, --send-order-weight <x>
                               with --evaluate or --first: try other training options than TrainingOptions.Committed
      --no-misreads            with --evaluate: leave out the misread rows
      --by-set                 with --evaluate: hold out each corpus with its siblings of the same brief in the other
                               languages ("august-en", "august-fr", "august-nl"): no row scored by a model that saw its set;
                               with --groups n, the sets fall into n groups held out in turn (--by-set --groups 40 is the
                               split the tests measure)
      --rounds <rounds.txt>    with --evaluate: hold out each writers' round in turn, a line of the file each (its sets'
                               names, as --by-set names them, separated by spaces); the corpora of no round are only
                               trained on, so the figures say what the model makes of writers it never read
      --scores <file.tsv>      with --evaluate: write every row's out-of-fold probabilities and rule findings (no text)
      --folds <folder>         with --evaluate: keep each fold's trained model in the folder; started again with the same
                               folder, corpora and options, the run reads back the folds already there and trains only
                               the rest (a long run can stop and go on); a folder of another run is refused
      --stack [--inner <n>]    with --evaluate: boosted trees stacked on the linear model's out-of-fold scores from n inner
                               groups of corpora (default 4; an experiment)
    """;

var root = RepositoryRoot.Find();
var corporaFolder = Path.Combine(root, "src", "CheckinBot.Pings", "Corpora");
var modelFile = Path.Combine(root, "src", "CheckinBot.Pings", "Model", "ping-model.bin");
string? mode = null;
string? va = null;
var options = TrainingOptions.Committed;
var misreads = true;
int? groups = null;
var stacked = false;
var innerFolds = 4;
var files = new List<string>();
string? scoresFile = null;
string? roundsFile = null;
string? foldsFolder = null;
var bySet = false;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--evaluate" or "--first" when mode is null:
            mode = args[i];
            break;
        case "--corpora" when i + 1 < args.Length:
            corporaFolder = Path.GetFullPath(args[++i]);
            break;
        case "--va" when i + 1 < args.Length:
            va = args[++i];
            break;
        case "--iterations" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var iterations) && iterations > 0:
            options = options with { Iterations = iterations };
            i++;
            break;
        case "--groups" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var count) && count >= 2:
            groups = count;
            i++;
            break;
        case "--send-order-weight" when i + 1 < args.Length && float.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var conversation) && conversation > 0:
            options = options with { SendOrderWeight = conversation };
            i++;
            break;
        case "--other-weight" or "--urgent-weight" when i + 1 < args.Length && float.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var weight) && weight > 0:
            options = args[i] == "--other-weight" ? options with { OtherWeight = weight } : options with { UrgentWeight = weight };
            i++;
            break;
        case "--l1" or "--l2" when i + 1 < args.Length && float.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var value) && value >= 0:
            options = args[i] == "--l1" ? options with { L1 = value } : options with { L2 = value };
            i++;
            break;
        case "--scores" when i + 1 < args.Length:
            scoresFile = Path.GetFullPath(args[++i]);
            break;
        case "--folds" when i + 1 < args.Length:
            foldsFolder = Path.GetFullPath(args[++i]);
            break;
        case "--rounds" when i + 1 < args.Length:
            roundsFile = Path.GetFullPath(args[++i]);
            break;
        case "--by-set":
            bySet = true;
            break;
        case "--no-misreads":
            misreads = false;
            break;
        case "--stack":
            stacked = true;
            break;
        case "--inner" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var inner) && inner >= 2:
            innerFolds = inner;
            i++;
            break;
        case var file when !file.StartsWith('-') && mode is not null:
            files.Add(file);
            break;
        default:
            Console.Error.WriteLine(Usage);
            return 2;
    }
}

if (Misuse() is { } misuse)
{
    Console.Error.WriteLine(misuse);
    Console.Error.WriteLine(Usage);
    return 2;
}

try
{
    var corpora = LabelledCorpus.LoadFolder(corporaFolder);
    var extra = files.Select(f => WithVa(LabelledCorpus.Load(f), va)).ToList();
    var rounds = roundsFile is null ? null : LeaveOneCorpusOut.ReadRounds(File.ReadLines(roundsFile));
    Console.WriteLine($"{corpora.Count} corpora, {corpora.Sum(c => c.Samples.Count)} rows, in {corporaFolder}");
    switch (mode)
    {
        case null:
            var trained = PingTrainer.Train(corpora);
            Directory.CreateDirectory(Path.GetDirectoryName(modelFile)!);
            using (var stream = File.Create(modelFile))
            {
                PingTrainer.Write(trained, stream);
            }

            Console.WriteLine($"wrote {modelFile} ({new FileInfo(modelFile).Length:N0} bytes)");
            break;
        case "--first":
            Console.Write(PingTrainingReports.FirstMeasure(corpora, extra, options));
            break;
        default:
            using (var scores = scoresFile is null ? null : File.CreateText(scoresFile))
            {
                Console.Write(PingTrainingReports.Evaluate(corpora, extra, options, misreads, groups, stacked ? innerFolds : null, scores, bySet, rounds, foldsFolder is null ? null : new FoldModels(foldsFolder)));
            }

            break;
    }

    return 0;
}
catch (AggregateException e) when (e.InnerExceptions.All(inner => inner is InvalidDataException))
{
    // A kept fold that cannot be read, from one of the folds trained side by side.
    Console.Error.WriteLine(e.InnerExceptions[0].Message);
    return 2;
}
catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or PingCorpusFormatException or ArgumentException { ParamName: "rounds" or "keep" })
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(Usage);
    return 2;
}

// What is wrong with the options taken together, or null when nothing is.
string? Misuse() =>
    mode == "--first" && files.Count == 0 ? "--first needs the new corpora to measure"
    : mode is null && options != TrainingOptions.Committed ? "other training options need --evaluate or --first: the committed model is trained with TrainingOptions.Committed"
    : mode != "--evaluate" && (scoresFile is not null || bySet || foldsFolder is not null || roundsFile is not null || stacked || groups is not null)
        ? "--scores, --by-set, --folds, --rounds, --stack and --groups go with --evaluate"
    : stacked && (foldsFolder is not null || bySet || roundsFile is not null) ? "--stack goes with none of --folds, --by-set and --rounds"
    : roundsFile is not null && (bySet || groups is not null) ? "--rounds is a split of its own: not with --by-set or --groups"
    : null;

static LabelledCorpus WithVa(LabelledCorpus corpus, string? va) =>
    va is null || corpus.VaNames.Count > 0 ? corpus : corpus with { VaNames = [va] };
