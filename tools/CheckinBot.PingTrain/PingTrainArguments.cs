using System.Globalization;
using CheckinBot.Pings.Training;

/// <summary>What the tool does: train and write the model, evaluate held out, or measure new corpora first.</summary>
internal enum PingTrainMode
{
    Train,
    Evaluate,
    First,
}

/// <summary>
/// The tool's command line, read and checked before anything is loaded or trained: <see cref="Parse"/> gives the
/// arguments, or the reason they cannot be run (an unknown option, a value missing or out of range, options that do not
/// go together), one reason each.
/// </summary>
internal sealed class PingTrainArguments
{
    public PingTrainMode Mode { get; private set; } = PingTrainMode.Train;

    /// <summary>Another corpora folder than the repository's, as a full path.</summary>
    public string? CorporaFolder { get; private set; }

    /// <summary>The VA's first name for extra sets without a '# va:' header line.</summary>
    public string? Va { get; private set; }

    public TrainingOptions Options { get; private set; } = TrainingOptions.Committed;

    public bool Misreads { get; private set; } = true;

    public int? Groups { get; private set; }

    public bool BySet { get; private set; }

    /// <summary>With the stacked-trees experiment, its inner groups; null without it.</summary>
    public int? StackedInnerFolds { get; private set; }

    /// <summary>The extra sets to score (with --evaluate) or the new corpora to measure (with --first).</summary>
    public IReadOnlyList<string> Files { get; private set; } = [];

    public string? ScoresFile { get; private set; }

    public string? RoundsFile { get; private set; }

    public string? FoldsFolder { get; private set; }

    /// <summary>
    /// Whether --first measures with the committed model, the one the bot serves: the repository's corpora and the
    /// committed options name it. Another corpora folder or other options name a candidate, trained here first.
    /// </summary>
    public bool MeasuresByTheCommittedModel => Mode == PingTrainMode.First && CorporaFolder is null && Options == TrainingOptions.Committed;

    /// <summary>Reads the command line; on a misuse, <paramref name="error"/> says what is wrong and the result is null.</summary>
    public static PingTrainArguments? Parse(IReadOnlyList<string> args, out string? error)
    {
        ArgumentNullException.ThrowIfNull(args);
        var parsed = new PingTrainArguments();
        var files = new List<string>();
        var stacked = false;
        int? inner = null;
        string? problem = null;
        for (var i = 0; i < args.Count && problem is null; i++)
        {
            var option = args[i];
            switch (option)
            {
                case "--evaluate" or "--first":
                    if (parsed.Mode != PingTrainMode.Train)
                    {
                        problem = $"{option} after {(parsed.Mode == PingTrainMode.Evaluate ? "--evaluate" : "--first")}: give one of --evaluate and --first";
                        break;
                    }

                    parsed.Mode = option == "--evaluate" ? PingTrainMode.Evaluate : PingTrainMode.First;
                    break;
                case "--corpora":
                    parsed.CorporaFolder = FullPath();
                    break;
                case "--va":
                    parsed.Va = Value();
                    break;
                case "--scores":
                    parsed.ScoresFile = FullPath();
                    break;
                case "--folds":
                    parsed.FoldsFolder = FullPath();
                    break;
                case "--rounds":
                    parsed.RoundsFile = FullPath();
                    break;
                case "--groups":
                    parsed.Groups = WholeNumber(2);
                    break;
                case "--inner":
                    inner = WholeNumber(2);
                    break;
                case "--iterations":
                    if (WholeNumber(1) is { } iterations)
                    {
                        parsed.Options = parsed.Options with { Iterations = iterations };
                    }

                    break;
                case "--l1" or "--l2":
                    if (Number(above: false) is { } atLeastZero)
                    {
                        parsed.Options = option == "--l1" ? parsed.Options with { L1 = atLeastZero } : parsed.Options with { L2 = atLeastZero };
                    }

                    break;
                case "--other-weight" or "--urgent-weight" or "--send-order-weight":
                    if (Number(above: true) is { } weight)
                    {
                        parsed.Options = option switch
                        {
                            "--other-weight" => parsed.Options with { OtherWeight = weight },
                            "--urgent-weight" => parsed.Options with { UrgentWeight = weight },
                            _ => parsed.Options with { SendOrderWeight = weight },
                        };
                    }

                    break;
                case "--by-set":
                    parsed.BySet = true;
                    break;
                case "--no-misreads":
                    parsed.Misreads = false;
                    break;
                case "--stack":
                    stacked = true;
                    break;
                case var file when !file.StartsWith('-') && parsed.Mode != PingTrainMode.Train:
                    files.Add(file);
                    break;
                case var file when !file.StartsWith('-'):
                    problem = $"\"{file}\": a set to score or measure goes after --evaluate or --first";
                    break;
                default:
                    problem = $"unknown option {option}";
                    break;
            }

            // The next argument, unless there is none or it is another option ("--scores --by-set" names no file).
            string Value()
            {
                if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    return args[++i];
                }

                problem = $"{option} needs a value";
                return string.Empty;
            }

            int? WholeNumber(int least)
            {
                var value = Value();
                if (problem is null && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= least)
                {
                    return number;
                }

                problem ??= $"{option} needs a whole number of {least} or more, not \"{value}\"";
                return null;
            }

            // The value as a full path, or null when it is missing. A command line cannot carry the one character
            // GetFullPath refuses (NUL), so nothing else is checked.
            string? FullPath()
            {
                var value = Value();
                return problem is null ? Path.GetFullPath(value) : null;
            }

            float? Number(bool above)
            {
                var value = Value();
                if (problem is null && float.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && float.IsFinite(number) && (above ? number > 0 : number >= 0))
                {
                    return number;
                }

                problem ??= $"{option} needs a number {(above ? "above" : "of")} 0{(above ? string.Empty : " or more")}, not \"{value}\"";
                return null;
            }
        }

        parsed.Files = files;
        parsed.StackedInnerFolds = stacked ? inner ?? 4 : null;
        error = problem ?? (inner is not null && !stacked ? "--inner goes with --stack" : parsed.Misuse());
        return error is null ? parsed : null;
    }

    /// <summary>What is wrong with the options taken together, or null when nothing is.</summary>
    private string? Misuse() =>
        Mode == PingTrainMode.First && Files.Count == 0 ? "--first needs the new corpora to measure"
        : Mode == PingTrainMode.Train && Options != TrainingOptions.Committed ? "other training options need --evaluate or --first: the committed model is trained with TrainingOptions.Committed"
        : Mode != PingTrainMode.Evaluate && (ScoresFile is not null || BySet || FoldsFolder is not null || RoundsFile is not null || StackedInnerFolds is not null || Groups is not null || !Misreads)
            ? "--scores, --by-set, --folds, --rounds, --stack, --groups and --no-misreads go with --evaluate"
        : StackedInnerFolds is not null && (FoldsFolder is not null || BySet || RoundsFile is not null) ? "--stack goes with none of --folds, --by-set and --rounds"
        : RoundsFile is not null && (BySet || Groups is not null) ? "--rounds is a split of its own: not with --by-set or --groups"
        : null;
}
