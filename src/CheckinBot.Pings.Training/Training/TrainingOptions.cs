using CheckinBot.Core.Pings;

namespace CheckinBot.Pings.Training;

/// <summary>How the model is learned. <see cref="Committed"/> made the committed model file.</summary>
/// <param name="Iterations">The most L-BFGS iterations.</param>
/// <param name="L1">L1 regularisation: keeps the model small by zeroing weak features.</param>
/// <param name="L2">L2 regularisation.</param>
/// <param name="Seed">The seed of the ML.NET context.</param>
/// <param name="OtherWeight">How much a row labelled other weighs against a status row (1: the same).</param>
/// <param name="UrgentWeight">How much a row labelled urgent weighs against a status row (1: the same).</param>
/// <param name="SendOrderWeight">How much a row of a corpus in send order (a conversation as it came) weighs against one of another corpus (1: the same).</param>
public sealed record TrainingOptions(int Iterations, float L1, float L2, int Seed, float OtherWeight = 1f, float UrgentWeight = 1f, float SendOrderWeight = 1f)
{
    /// <summary>Whether any row weighs other than 1 at training.</summary>
    internal bool Weighted => OtherWeight != 1f || UrgentWeight != 1f || SendOrderWeight != 1f;

    /// <summary>The weight at training of a row of the class, from a corpus in send order or not.</summary>
    public float WeightOf(PingClass label, bool inSendOrder)
    {
        var byClass = label switch
        {
            PingClass.Other => OtherWeight,
            PingClass.Urgent => UrgentWeight,
            _ => 1f,
        };
        return inSendOrder ? byClass * SendOrderWeight : byClass;
    }

    /// <summary>The options of the committed model.</summary>
    public static TrainingOptions Committed { get; } = new(Iterations: 60, L1: 0.02f, L2: 0.1f, Seed: 9);
}
