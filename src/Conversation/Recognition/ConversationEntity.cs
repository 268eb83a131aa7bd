namespace Commerce.Conversation.Recognition;

/// <summary>
/// An entity found in the utterance (CLU: <c>category</c>, <c>text</c>, <c>offset</c>, <c>length</c>,
/// <c>confidenceScore</c>). Offset and length count UTF-16 code units (stringIndexType Utf16CodeUnit), as .NET strings do.
/// <see cref="Key"/> is what the entity resolves to: CLU's list-entity key (<c>extraInformation</c> of kind ListKey),
/// the item id, the currency code or the number of the local recognizer.
/// </summary>
public sealed record ConversationEntity(string Category, string Text, int Offset, int Length, double Confidence, string? Key = null)
{
    /// <summary>Entity categories of the local recognizer (a CLU project for this platform names the same ones).</summary>
    public const string Item = "Item";
    public const string Collection = "Collection";
    public const string Number = "Number";
    public const string Currency = "Currency";
}
