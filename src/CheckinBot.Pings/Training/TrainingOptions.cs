namespace CheckinBot.Pings.Training;

/// <summary>How the model is learned. <see cref="Committed"/> made the committed model file.</summary>
/// <param name="Iterations">The most L-BFGS iterations.</param>
/// <param name="L1">L1 regularisation: keeps the model small by zeroing weak features.</param>
/// <param name="L2">L2 regularisation.</param>
/// <param name="Seed">The seed of the ML.NET context.</param>
/// <param name="OtherWeight">How much a row labelled other weighs against a status or urgent row (1: the same).</param>
public sealed record TrainingOptions(int Iterations, float L1, float L2, int Seed, float OtherWeight = 1f)
{
    /// <summary>The options of the committed model.</summary>
    public static TrainingOptions Committed { get; } = new(Iterations: 60, L1: 0.05f, L2: 0.05f, Seed: 9);
}
