using System.Text.Json;

namespace CheckinBot.Deploy.Tests;

/// <summary>deploy/Dockerfile read into its stages and instructions (continuation lines joined, comments dropped).</summary>
internal sealed class Dockerfile
{
    private Dockerfile(IReadOnlyList<Stage> stages) => Stages = stages;

    public IReadOnlyList<Stage> Stages { get; }

    public Stage Build => Stages[0];

    public Stage Runtime => Stages[^1];

    public static Dockerfile Load() => Parse(Repository.Read("deploy/Dockerfile"));

    public static Dockerfile Parse(string text)
    {
        var stages = new List<Stage>();
        var logical = "";
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.TrimStart().StartsWith('#') && logical.Length == 0)
            {
                continue;
            }

            if (line.EndsWith('\\'))
            {
                logical += line[..^1] + " ";
                continue;
            }

            logical += line;
            if (logical.Trim().Length > 0)
            {
                var parts = logical.Trim().Split(' ', 2, StringSplitOptions.TrimEntries);
                var instruction = new Instruction(parts[0].ToUpperInvariant(), parts.Length > 1 ? parts[1] : "");
                if (instruction.Keyword == "FROM")
                {
                    stages.Add(new Stage(instruction.Arguments, []));
                }
                else
                {
                    stages[^1].Instructions.Add(instruction);
                }
            }

            logical = "";
        }

        return new Dockerfile(stages);
    }

    /// <summary>A JSON exec form such as <c>["dotnet", "CheckinBot.Host.dll"]</c>.</summary>
    public static IReadOnlyList<string> ExecForm(string arguments) =>
        JsonSerializer.Deserialize<string[]>(arguments) ?? throw new FormatException($"not an exec form: {arguments}");

    internal sealed record Instruction(string Keyword, string Arguments);

    internal sealed record Stage(string From, List<Instruction> Instructions)
    {
        public IEnumerable<string> All(string keyword) => Instructions.Where(i => i.Keyword == keyword).Select(i => i.Arguments);

        public string Single(string keyword) => All(keyword).Single();

        /// <summary>The stage's <c>ENV a=b c=d</c> settings, in order.</summary>
        public IReadOnlyDictionary<string, string> Environment => All("ENV")
            .SelectMany(a => a.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(p => p[0], p => p[1]);
    }
}
