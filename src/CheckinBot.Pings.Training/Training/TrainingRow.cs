using Microsoft.ML.Data;

namespace CheckinBot.Pings.Training;

/// <summary>One labelled message as ML.NET sees it: the class as a key (0-based, in <c>PingClass</c> order) and the hashed features.</summary>
internal sealed class TrainingRow
{
    [KeyType(3)]
    public uint Label { get; set; }

    public VBuffer<float> Features { get; set; }

    /// <summary>The row's weight in training (see <see cref="TrainingOptions.WeightOf"/>).</summary>
    public float Weight { get; set; } = 1f;

    /// <summary>The row comes from a corpus in send order (<c># order: as sent</c>): a conversation as it came.</summary>
    [NoColumn]
    public bool InSendOrder { get; init; }

    /// <summary>The same row with another weight.</summary>
    public TrainingRow WithWeight(float weight) => new() { Label = Label, Features = Features, Weight = weight, InSendOrder = InSendOrder };
}
