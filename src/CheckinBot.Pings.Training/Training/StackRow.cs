using Microsoft.ML.Data;

namespace CheckinBot.Pings.Training;

/// <summary>One message as the stacked trees see it: the linear model's out-of-fold class scores and a few shape, addressee and progress features.</summary>
internal sealed class StackRow
{
    [VectorType(StackFeatures.Width)]
    public float[] Features { get; set; } = new float[StackFeatures.Width];

    public bool IsStatus { get; set; }

    public bool IsUrgent { get; set; }
}
