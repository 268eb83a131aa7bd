using Microsoft.ML.Data;

namespace Commerce.Conversation.Local;

/// <summary>The intent model's output row: one probability per trained intent, in the order of <see cref="IntentModel.Labels"/>.</summary>
public sealed class IntentScores
{
    [ColumnName("Score")]
    public float[] Score { get; set; } = [];
}
