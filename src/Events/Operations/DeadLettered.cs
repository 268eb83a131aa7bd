namespace Commerce.Events.Operations;

/// <summary>
/// A record that kept failing, with where it came from and why. The original bytes are kept
/// (base64) so it can be inspected and replayed. Key: the original key.
/// </summary>
public sealed record DeadLettered(
    string SourceTopic,
    int SourcePartition,
    long SourceOffset,
    string ConsumerGroup,
    string Error,
    int Attempts,
    string OriginalValueBase64) : IEvent;
