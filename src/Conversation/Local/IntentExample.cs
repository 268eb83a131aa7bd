namespace Commerce.Conversation.Local;

/// <summary>The intent model's input row (ML.NET reads its public properties): the normalized text and, in training, the intent.</summary>
public sealed class IntentExample
{
    public string Text { get; set; } = "";

    public string Intent { get; set; } = "";
}
