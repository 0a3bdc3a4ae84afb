using CheckinBot.Pings.Evaluation;
using CheckinBot.Pings.Training;

const string Usage = """
    usage: dotnet run --project tools/CheckinBot.PingTrain [-- options]
      (no option)              train on every corpus in src/CheckinBot.Pings/Corpora and write src/CheckinBot.Pings/Model/ping-model.bin
      --evaluate [set.tsv …]   leave-one-corpus-out figures per language and per corpus, the threshold sweep and the misread
                               rows; each extra set (never trained on) is scored by the model trained on every corpus
      --first <new.tsv> …      measure new corpora with the model trained on the corpora as they are, before anything changes
      --corpora <folder>       another corpora folder
      --va <name>              the VA's first name for extra sets without a '# va:' header line
    """;

var root = RepositoryRoot.Find();
var corporaFolder = Path.Combine(root, "src", "CheckinBot.Pings", "Corpora");
var modelFile = Path.Combine(root, "src", "CheckinBot.Pings", "Model", "ping-model.bin");
string? mode = null;
string? va = null;
var files = new List<string>();
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
        case var file when !file.StartsWith('-') && mode is not null:
            files.Add(file);
            break;
        default:
            Console.Error.WriteLine(Usage);
            return 2;
    }
}

if (mode == "--first" && files.Count == 0)
{
    Console.Error.WriteLine(Usage);
    return 2;
}

try
{
    var corpora = LabelledCorpus.LoadFolder(corporaFolder);
    var extra = files.Select(f => WithVa(LabelledCorpus.Load(f), va)).ToList();
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
            Console.Write(PingTrainingReports.FirstMeasure(corpora, extra));
            break;
        default:
            Console.Write(PingTrainingReports.Evaluate(corpora, extra));
            break;
    }

    return 0;
}
catch (Exception e) when (e is IOException or UnauthorizedAccessException or PingCorpusFormatException)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(Usage);
    return 2;
}

static LabelledCorpus WithVa(LabelledCorpus corpus, string? va) =>
    va is null || corpus.VaNames.Count > 0 ? corpus : corpus with { VaNames = [va] };
