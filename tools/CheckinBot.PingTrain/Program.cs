using CheckinBot.Pings.Evaluation;
using CheckinBot.Pings.Training;

const string Usage = """
    usage: dotnet run --project tools/CheckinBot.PingTrain [-- options]
      (no option)              train on every corpus in src/CheckinBot.Pings/Corpora and write src/CheckinBot.Pings/Model/ping-model.bin
      --evaluate [set.tsv …]   leave-one-corpus-out figures per language and per corpus, the threshold sweeps (the one about
                               an open task on the corpora with a '# tasks:' header) and the misread rows; each extra set
                               (never trained on) is scored by the model trained on every corpus
      --first <new.tsv> …      measure new corpora before anything changes for them: by the committed model, which the bot
                               serves; with --corpora or training options, by a model trained here from those (a candidate)
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
      --folds <folder>         with --evaluate: keep what each fold's model made of its rows (two probabilities a row, small
                               enough to commit) in the folder; started again with the same folder, corpora, options and
                               trainer, the run reads back the folds already there and trains only the rest (a long run
                               can stop and go on, on another machine too); a folder of another run is refused
      --stack [--inner <n>]    with --evaluate: boosted trees stacked on the linear model's out-of-fold scores from n inner
                               groups of corpora (default 4; an experiment)
    """;

if (PingTrainArguments.Parse(args, out var error) is not { } arguments)
{
    Console.Error.WriteLine(error);
    Console.Error.WriteLine(Usage);
    return 2;
}

var root = RepositoryRoot.Find();
var corporaFolder = arguments.CorporaFolder ?? Path.Combine(root, "src", "CheckinBot.Pings", "Corpora");
var modelFile = Path.Combine(root, "src", "CheckinBot.Pings", "Model", "ping-model.bin");
var trainedFromFile = Path.Combine(root, "src", "CheckinBot.Pings", "Model", "trained-from.txt");

try
{
    var corpora = LabelledCorpus.LoadFolder(corporaFolder);
    var extra = arguments.Files.Select(f => WithVa(LabelledCorpus.Load(f), arguments.Va)).ToList();
    var rounds = arguments.RoundsFile is null ? null : LeaveOneCorpusOut.ReadRounds(File.ReadLines(arguments.RoundsFile));
    Console.WriteLine($"{corpora.Count} corpora, {corpora.Sum(c => c.Samples.Count)} rows, in {corporaFolder}");
    switch (arguments.Mode)
    {
        case PingTrainMode.Train:
            var trained = PingTrainer.Train(corpora);
            Directory.CreateDirectory(Path.GetDirectoryName(modelFile)!);
            using (var stream = File.Create(modelFile))
            {
                PingTrainer.Write(trained, stream);
            }

            File.WriteAllText(trainedFromFile, $"""
                # What ping-model.bin was trained from: tools/CheckinBot.PingTrain writes this file with the model, and
                # CommittedModelTests checks the inputs line against the corpora and TrainingOptions.Committed.
                inputs: {PingTrainer.InputsOf(corpora)}
                rows: {corpora.Sum(c => c.Samples.Count)} in {corpora.Count} corpora
                options: {TrainingOptions.Committed}
                machine: {PingTrainer.Machine}

                """);
            Console.WriteLine($"wrote {modelFile} ({new FileInfo(modelFile).Length:N0} bytes) and {trainedFromFile}");
            break;
        case PingTrainMode.First:
            Console.Write(arguments.MeasuresByTheCommittedModel
                ? PingTrainingReports.FirstMeasureByTheCommittedModel(corpora, extra, File.ReadLines(trainedFromFile))
                : PingTrainingReports.FirstMeasure(corpora, extra, arguments.Options));
            break;
        default:
            using (var scores = arguments.ScoresFile is null ? null : File.CreateText(arguments.ScoresFile))
            {
                var keep = arguments.FoldsFolder is null ? null : new KeptFolds(arguments.FoldsFolder);
                Console.Write(PingTrainingReports.Evaluate(corpora, extra, arguments.Options, arguments.Misreads, arguments.Groups, arguments.StackedInnerFolds, scores, arguments.BySet, rounds, keep));
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

static LabelledCorpus WithVa(LabelledCorpus corpus, string? va) =>
    va is null || corpus.VaNames.Count > 0 ? corpus : corpus with { VaNames = [va] };
