using CheckinBot.Core.Pings;

namespace CheckinBot.Pings.Training;

/// <summary>How the model is learned. <see cref="Committed"/> made the committed model file.</summary>
/// <param name="Iterations">The most L-BFGS iterations.</param>
/// <param name="L1">L1 regularisation: keeps the model small by zeroing weak features.</param>
/// <param name="L2">L2 regularisation.</param>
/// <param name="Seed">The seed of the ML.NET context.</param>
/// <param name="OtherWeight">How much a row labelled other weighs against a status row (1: the same).</param>
/// <param name="UrgentWeight">How much a row labelled urgent weighs against a status row (1: the same).</param>
public sealed record TrainingOptions(int Iterations, float L1, float L2, int Seed, float OtherWeight = 1f, float UrgentWeight = 1f)
{
    /// <summary>Whether any class weighs other than 1 at training.</summary>
    internal bool Weighted => OtherWeight != 1f || UrgentWeight != 1f;

    /// <summary>The weight at training of a row of the class.</summary>
    public float WeightOf(PingClass label) => label switch
    {
        PingClass.Other => OtherWeight,
        PingClass.Urgent => UrgentWeight,
        _ => 1f,
    };

    /// <summary>The options of the committed model.</summary>
    public static TrainingOptions Committed { get; } = new(Iterations: 60, L1: 0.05f, L2: 0.05f, Seed: 9);
}
