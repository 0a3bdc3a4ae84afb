using System.Globalization;

namespace CheckinBot.Bench.Peers;

/// <summary>Prints both systems' figures per measurement, the ratios, and whether the issue's targets are met.</summary>
internal sealed class PeersReport(PeersOptions options)
{
    /// <summary>Prints everything; true when every target is met.</summary>
    public bool Print(Tally slackBot, Tally slackPeer, Tally latencyBot, Tally latencyPeer, Tally teamsBot, Tally teamsPeer)
    {
        var limit = Ms(options.Limit.TotalMilliseconds);
        var saturation = $"{options.Concurrency} senders, {options.Saturation.TotalSeconds:F0} s each";

        var throughput = Section($"Slack: answered commands/s at saturation ({saturation}, {options.Channels:N0} channels; answered = in the acknowledgement or within {limit})",
            slackBot, slackPeer, t => t.AnsweredPerSecond);
        var throughputMet = throughput >= 2;
        Console.WriteLine($"  ratio answered/s: {Times(throughput)} (target ≥ 2×): {Verdict(throughputMet)}");

        var p99 = Section($"Slack: latency at an open loop of {options.Rate:N0} commands/s ({options.OpenLoop.TotalSeconds:F0} s each; unanswered counts as slower than {limit})",
            latencyBot, latencyPeer, t => t.Percentile(0.99));
        var latencyMet = p99 <= 0.5;
        Console.WriteLine($"  ratio p99: {Times(p99)} (target ≤ 0.5×): {Verdict(latencyMet)}");

        var teamsMet = PrintTeams(teamsBot, teamsPeer);
        return throughputMet && latencyMet && teamsMet;
    }

    /// <summary>Prints the Teams measurement for both systems; true when its target is met.</summary>
    public bool PrintTeams(Tally teamsBot, Tally teamsPeer)
    {
        var teams = Section($"Teams: answered messages/s at saturation ({options.Concurrency} senders, {options.Saturation.TotalSeconds:F0} s each, {options.Tenants:N0} tenants, personal chats; answered = a reply at the connector within {Ms(options.Limit.TotalMilliseconds)})",
            teamsBot, teamsPeer, t => t.AnsweredPerSecond);
        var teamsMet = teams >= 2 && teamsBot.Refused == 0;
        Console.WriteLine($"  ratio answered/s: {Times(teams)} (target ≥ 2×), CheckinBot refused {teamsBot.Refused:N0} (target 0): {Verdict(teamsMet)}");
        return teamsMet;
    }

    /// <summary>Prints CheckinBot's figures alone (<c>--bot-only</c>): no ratios, no verdicts.</summary>
    public void PrintBotOnly(Tally? slack, Tally? latency, Tally? teams)
    {
        foreach (var (title, tally) in new[] { ("Slack at saturation", slack), ($"Slack at an open loop of {options.Rate:N0}/s", latency), ("Teams at saturation", teams) })
        {
            if (tally is null)
            {
                continue;
            }

            Console.WriteLine();
            Console.WriteLine(title);
            Header();
            Row(tally);
        }
    }

    /// <summary>Prints one measurement for both systems; returns CheckinBot's figure over the peer's.</summary>
    private double Section(string title, Tally bot, Tally peer, Func<Tally, double?> figure)
    {
        Console.WriteLine();
        Console.WriteLine(title);
        Header();
        Row(bot);
        Row(peer);
        return Ratio(figure(bot), figure(peer));
    }

    private static void Header() =>
        Console.WriteLine($"  {"system",-20} {"sent",9} {"answered",9} {"answered/s",11} {"busy",8} {"refused",8} {"too late",9} {"failed",7} {"p50",9} {"p99",9} {"CPU/req",9}");

    private void Row(Tally tally) =>
        Console.WriteLine($"  {tally.System,-20} {tally.Sent,9:N0} {tally.Answered,9:N0} {tally.AnsweredPerSecond,11:N0} {tally.Busy,8:N0} {tally.Refused,8:N0} {tally.Unanswered,9:N0} {tally.Failed,7:N0} {Latency(tally.Percentile(0.5)),9} {Latency(tally.Percentile(0.99)),9} {Cpu(tally.CpuPerRequest),9}");

    private static string Cpu(double? ms) => ms is { } value ? value.ToString("F2", CultureInfo.InvariantCulture) + " ms" : "n/a";

    private string Latency(double? ms) => ms is { } value ? Ms(value) : ">" + Ms(options.Limit.TotalMilliseconds);

    private static string Ms(double ms) => ms >= 100
        ? ms.ToString("N0", CultureInfo.InvariantCulture) + " ms"
        : ms.ToString("F1", CultureInfo.InvariantCulture) + " ms";

    /// <summary>CheckinBot's figure over the peer's; infinity when CheckinBot's latency is beyond the limit.</summary>
    private static double Ratio(double? mine, double? theirs) => (mine, theirs) switch
    {
        (null, _) => double.PositiveInfinity,
        (_, null) => 0,
        ({ } a, { } b) when b > 0 => a / b,
        _ => double.NaN,
    };

    private static string Times(double ratio) => double.IsFinite(ratio) ? ratio.ToString("F2", CultureInfo.InvariantCulture) + "×" : "n/a";

    private static string Verdict(bool met) => met ? "met" : "NOT met";
}
