using System.Collections.Frozen;
using CheckinBot.Core.Pings.Classification;

namespace CheckinBot.Core.Pings;

/// <summary>
/// Decides whether a client's message is a status check, something urgent, or neither — with
/// hand-written, explainable cues in Dutch (with Flemish forms), English and French. Deterministic,
/// allocation-light, no models. Urgent wins over status check.
/// </summary>
/// <remarks>
/// Scoring: urgent cues add up and a total of 2 makes the message urgent (4 when urgency is also
/// softened somewhere, "no rush"); urgent words inside a negation ("niet dringend") do not count.
/// Status cues add up against counter-evidence (work requests, news given, updates declined,
/// small talk); a total of 2 that outweighs it makes a status check.
/// </remarks>
public sealed class PingClassifier : IPingClassifier
{
    private const int UrgentThreshold = 2;
    private const int SoftenedUrgentThreshold = 4;
    private const int StatusThreshold = 2;

    private static readonly FrozenSet<string> QuestionStarters = Words(
        "is are has have did do does will can could would when where what how any " +
        "ben bent heb hebt zijn kan kun kunt hoe wat waar wanneer hoeveel lukt gaat " +
        "hoelang hoever tegen heeft zijn zijt staat ligt " +
        "tu t est ou quand comment combien es as avez vous");

    private static readonly FrozenSet<string> Connectives = Words(
        "en and so soo alors et allez eh euh nou dus well quid bon voila hmm");

    private static readonly FrozenSet<string> Greetings = Words(
        "hey hi hoi hello hallo bonjour salut dag yo coucou allo");

    private static readonly FrozenSet<string> NotATopic = Words(
        "you u je jij jullie toi vous tu moi me mij ik i then dan puis what wat quoi why waarom pourquoi");

    private static readonly FrozenSet<string> Acronyms = Words(
        "pdf eta vat nda eod url seo ceo cfo kpi faq vip vips btw iban ok cv hr it pr ui ux gsm sms api crm ai q1 q2 q3 q4 tva");

    /// <summary>"Just wondering if the listings are live yet", "ik vraag me af of…", "je me demande si…": a question without its mark.</summary>
    private static readonly CuePattern IndirectQuestion = CuePattern.Parse("wondering|wonder|demande|demandais|afvragen|af|curious|benieuwd if|whether|of|si");

    private readonly CueRule[] _statusRules = [.. StatusCues.Rules, .. StatusCues.Notify];
    private readonly CueRule[] _otherRules = OtherCues.Rules;

    /// <summary>Classifies one message.</summary>
    /// <param name="text">The message as the client typed it.</param>
    /// <param name="language">Optional hint ("nl", "en", "fr"); detected from the text when absent.</param>
    /// <param name="names">First names the client may address the VA by ("Ina??"); they read as mentions.</param>
    public PingVerdict Classify(string text, string? language = null, IReadOnlyCollection<string>? names = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = TextNormalizer.Normalize(text, names);
        var detected = LanguageDetector.FromHint(language) ?? LanguageDetector.Detect(normalized);
        var cues = new List<string>();

        if (normalized.IsCommand)
        {
            cues.Add($"command: '{FirstWord(text)}'");
            return new PingVerdict(PingClass.Other, detected, cues);
        }

        if (IsUrgent(normalized, cues))
        {
            return new PingVerdict(PingClass.Urgent, detected, cues);
        }

        var isQuestion = normalized.QuestionMarks > 0 || StartsAsQuestion(normalized) || IndirectQuestion.TryMatch(normalized, out _, out _);
        var status = Score(normalized, _statusRules, isQuestion, cues) + FollowUp(normalized, cues)
            + (isQuestion ? PerfectQuestion(normalized, cues) : 0);
        var counter = Score(normalized, _otherRules, isQuestion, cues) + NewsGiven(normalized, cues) + LaterRequest(normalized, cues);
        if (normalized.HasLink)
        {
            counter += 1;
            cues.Add("link");
        }

        var verdict = status >= StatusThreshold && status > counter ? PingClass.StatusCheck : PingClass.Other;
        return new PingVerdict(verdict, detected, cues);
    }

    /// <summary>
    /// Chat questions often lose their question mark: "hey did u manage to book the venue yet",
    /// "tegen wanneer is de rapportage klaar". A question word or an inverted verb after any greeting
    /// or connective is enough.
    /// </summary>
    private static bool StartsAsQuestion(NormalizedText text)
    {
        var tokens = text.TokenArray;
        var i = 0;
        while (i < tokens.Length - 1 && (Greetings.Contains(tokens[i]) || Connectives.Contains(tokens[i])))
        {
            i++;
        }

        return i < tokens.Length && QuestionStarters.Contains(tokens[i]);
    }

    /// <summary>Adds the calm cues to <paramref name="cues"/> always, the urgent ones only when urgent.</summary>
    private static bool IsUrgent(NormalizedText text, List<string> cues)
    {
        var urgentCues = new List<string>();
        Span<(int Start, int End)> calm = stackalloc (int, int)[UrgentCues.Calm.Length];
        var calmCount = 0;
        foreach (var rule in UrgentCues.Calm)
        {
            if (rule.Pattern.TryMatch(text, out var start, out var end))
            {
                calm[calmCount++] = (start, end);
                cues.Add(Describe(rule.Label, text, start, end));
            }
        }

        var score = 0;
        foreach (var rule in UrgentCues.Rules)
        {
            if (!rule.Pattern.TryMatch(text, out var start, out var end) || Overlaps(calm[..calmCount], start, end))
            {
                continue;
            }

            score += rule.Weight;
            urgentCues.Add(Describe(rule.Label, text, start, end));
        }

        if (text.ExclamationMarks >= 2)
        {
            score += 1;
            urgentCues.Add($"alarm punctuation: '{new string('!', Math.Min(text.ExclamationMarks, 5))}'");
        }

        var caps = CapsAlarm(text, urgentCues);
        if (caps > 0 && score == 0 && AsksForProgress(text))
        {
            cues.Add("capitals, but only asking for progress");
            return false;
        }

        score += caps;
        var softened = calmCount > 0 && !TurnsAfter(text, calm[calmCount - 1].End);
        if (score < (softened ? SoftenedUrgentThreshold : UrgentThreshold))
        {
            return false;
        }

        cues.AddRange(urgentCues);
        return true;
    }

    private static readonly FrozenSet<string> Turns = Words("but maar mais toch however cependant pourtant alleen");

    /// <summary>"No rush on the rest, but the checkout is broken": what follows the turn is not softened.</summary>
    private static bool TurnsAfter(NormalizedText text, int index)
    {
        for (var i = index; i < text.TokenArray.Length; i++)
        {
            if (Turns.Contains(text.TokenArray[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "ANY UPDATE ON THE DECK??": writing in capitals is a habit of some clients; with no urgent
    /// word, a strong status phrase and nothing else, it stays a status check.
    /// </summary>
    private static bool AsksForProgress(NormalizedText text)
    {
        foreach (var rule in StatusCues.Rules)
        {
            if (rule.Weight >= 3 && !rule.NeedsQuestion && rule.Pattern.TryMatch(text, out _, out _))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A message mostly in capitals is shouting; two shouted words are a raised voice.</summary>
    private static int CapsAlarm(NormalizedText text, List<string> cues)
    {
        if (text.Letters >= 8 && text.TokenArray.Length >= 2 && text.UpperLetters * 10 >= text.Letters * 7)
        {
            cues.Add("all-caps alarm");
            return 2;
        }

        var shouted = 0;
        for (var i = 0; i < text.TokenArray.Length; i++)
        {
            if (text.ShoutedArray[i] && text.TokenArray[i].Length >= 3 && !Acronyms.Contains(text.TokenArray[i]))
            {
                shouted++;
            }
        }

        if (shouted < 2)
        {
            return 0;
        }

        cues.Add("shouted words");
        return 1;
    }

    private static int Score(NormalizedText text, CueRule[] rules, bool isQuestion, List<string> cues)
    {
        var score = 0;
        foreach (var rule in rules)
        {
            if (rule.NeedsQuestion && !isQuestion)
            {
                continue;
            }

            if (rule.Pattern.TryMatch(text, out var start, out var end))
            {
                score += rule.Weight;
                cues.Add(Describe(rule.Label, text, start, end));
            }
        }

        return score;
    }

    /// <summary>
    /// A short nudge: "En?", "Alors ?", "and the deck?", "so… newsletter? 😅", "👀". A connective and at
    /// most three words of topic, asked as a question, or the eyes/clock emoji on their own.
    /// </summary>
    private static int FollowUp(NormalizedText text, List<string> cues)
    {
        var tokens = text.TokenArray;
        var i = 0;
        var connectives = 0;
        var nudges = 0;
        while (i < tokens.Length && (Connectives.Contains(tokens[i]) || Greetings.Contains(tokens[i]) || IsNudgeEmoji(tokens[i])))
        {
            connectives += Connectives.Contains(tokens[i]) ? 1 : 0;
            nudges += IsNudgeEmoji(tokens[i]) ? 1 : 0;
            i++;
        }

        var topic = 0;
        for (var j = i; j < tokens.Length; j++)
        {
            if (NotATopic.Contains(tokens[j]))
            {
                return 0;
            }

            if (IsNudgeEmoji(tokens[j]))
            {
                nudges++;
            }
            else if (tokens[j][0] != '<')
            {
                topic++;
            }
        }

        if (topic > 3)
        {
            // "hellooo 👀 anything on the travel itinerary??": a sigh or a look and a question, about a longer topic.
            if (nudges > 0 && text.QuestionMarks > 0 && topic <= 6)
            {
                cues.Add($"nudge with a question: '{string.Join(' ', tokens)}?'");
                return 2;
            }

            return 0;
        }

        if (nudges > 0)
        {
            cues.Add($"nudge: '{string.Join(' ', tokens)}'");
            return 3;
        }

        if (connectives > 0 && text.QuestionMarks > 0)
        {
            cues.Add($"follow-up question: '{string.Join(' ', tokens)}?'");
            return 2;
        }

        if (topic == 0 && text.QuestionMarks > 0)
        {
            cues.Add($"bare nudge: '{string.Join(' ', tokens)}{new string('?', Math.Min(text.QuestionMarks, 3))}'");
            return 3;
        }

        return 0;
    }

    private static readonly FrozenSet<string> LaterWords = Words("when wanneer quand lorsque zodra once als");

    private static readonly FrozenSet<string> ClauseSubjects = Words(
        "the a an it you your this that de het een je jij jullie u ik hij zij ze le la les l ce cette tu vous il elle on ca i we");

    /// <summary>
    /// "Wanneer de nieuwsbrief klaar is, stuur hem eerst naar mij", "Quand tu réserves l'hôtel, prends…": a clause about
    /// later, not a question about now — the word after "when" is its subject, where a question would put a verb.
    /// </summary>
    private static int LaterRequest(NormalizedText text, List<string> cues)
    {
        var tokens = text.TokenArray;
        var i = 0;
        while (i < tokens.Length - 1 && (Greetings.Contains(tokens[i]) || Connectives.Contains(tokens[i])))
        {
            i++;
        }

        if (i + 4 >= tokens.Length || !LaterWords.Contains(tokens[i]) || !ClauseSubjects.Contains(tokens[i + 1]))
        {
            return 0;
        }

        cues.Add($"a request for later: '{string.Join(' ', tokens, i, 3)} …'");
        return 5;
    }

    /// <summary>
    /// A question in the perfect about work done by now: "is de mailing al vertrokken?",
    /// "al opgeschoten met…?", "are the emails printed yet?". Dutch "al" or English "yet" next to a
    /// past participle.
    /// </summary>
    private static int PerfectQuestion(NormalizedText text, List<string> cues)
    {
        var tokens = text.TokenArray;
        for (var i = 0; i < tokens.Length; i++)
        {
            if (tokens[i] == "al")
            {
                for (var j = i + 1; j < tokens.Length && j <= i + 4; j++)
                {
                    if (IsDutchParticiple(tokens[j]))
                    {
                        cues.Add($"progress question: '{string.Join(' ', tokens, i, j - i + 1)}'");
                        return 2;
                    }
                }
            }
            else if (tokens[i] == "yet")
            {
                for (var j = Math.Max(0, i - 5); j < i; j++)
                {
                    if (tokens[j].Length >= 5 && tokens[j].EndsWith("ed", StringComparison.Ordinal))
                    {
                        cues.Add($"progress question: '{string.Join(' ', tokens, j, i - j + 1)}'");
                        return 2;
                    }
                }
            }
        }

        return 0;
    }

    private static readonly string[] DutchParticles = ["op", "af", "in", "uit", "door", "aan", "mee", "terug", "rond", "vast", "klaar", "weg", "na", "toe", "bij", "over", "samen", "vrij"];

    /// <summary>ge…d/t/n (gedaan, gegaan), or a separable particle before it (opgeschoten, ingepland, doorgestuurd), or be-/ver-/ont-…</summary>
    private static bool IsDutchParticiple(string token)
    {
        if (token.Length < 5 || !(token.EndsWith('d') || token.EndsWith('t') || token.EndsWith('n')))
        {
            return false;
        }

        if (token.StartsWith("ge", StringComparison.Ordinal) || token.StartsWith("ver", StringComparison.Ordinal)
            || token.StartsWith("be", StringComparison.Ordinal) || token.StartsWith("ont", StringComparison.Ordinal))
        {
            return true;
        }

        foreach (var particle in DutchParticles)
        {
            if (token.StartsWith(particle, StringComparison.Ordinal) && token.AsSpan(particle.Length).StartsWith("ge"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"Update: the client wants…", "Petite mise à jour : …", "FYI": the client is giving news.</summary>
    private static int NewsGiven(NormalizedText text, List<string> cues)
    {
        var tokens = text.TokenArray;
        var i = 0;
        while (i < tokens.Length && tokens[i] is "quick" or "small" or "short" or "little" or "kleine" or "korte" or "petite" or "petit")
        {
            i++;
        }

        var opensWithUpdate = i < tokens.Length && (tokens[i].StartsWith("update", StringComparison.Ordinal)
            || tokens[i] == "mise" && i + 2 < tokens.Length && tokens[i + 1] == "a" && tokens[i + 2] == "jour");
        if (opensWithUpdate && text.QuestionMarks == 0 && tokens.Length > i + 3)
        {
            cues.Add($"news given: '{string.Join(' ', tokens[..Math.Min(tokens.Length, i + 4)])} …'");
            return 4;
        }

        foreach (var token in tokens)
        {
            if (token is "fyi" or "heads" or "ter" && (token != "ter" || tokens.Contains("info")))
            {
                cues.Add($"news given: '{token}'");
                return 2;
            }
        }

        return 0;
    }

    private static bool IsNudgeEmoji(string token) => token is "<eyes>" or "<clock>" or "<sigh>" or "<up>";

    private static bool Overlaps(ReadOnlySpan<(int Start, int End)> spans, int start, int end)
    {
        foreach (var (spanStart, spanEnd) in spans)
        {
            if (start < spanEnd && spanStart < end)
            {
                return true;
            }
        }

        return false;
    }

    private static string Describe(string label, NormalizedText text, int start, int end) =>
        end > start ? $"{label}: '{string.Join(' ', text.TokenArray, start, end - start)}'" : label;

    private static string FirstWord(string text)
    {
        var trimmed = text.AsSpan().Trim();
        var space = trimmed.IndexOfAny(' ', '\t');
        return (space < 0 ? trimmed : trimmed[..space]).ToString();
    }

    private static FrozenSet<string> Words(string words) =>
        words.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);
}
