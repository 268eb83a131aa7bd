using Orleans;

namespace Commerce.Events.Operations;

/// <summary>
/// A record that kept failing, with where it came from and why. The original bytes are kept
/// (base64) so it can be inspected and replayed. Key: the original key.
/// </summary>
[GenerateSerializer, Immutable, Alias("commerce.events.DeadLettered")]
public sealed record DeadLettered(
    [property: Id(0)] string SourceTopic,
    [property: Id(1)] int SourcePartition,
    [property: Id(2)] long SourceOffset,
    [property: Id(3)] string ConsumerGroup,
    [property: Id(4)] string Error,
    [property: Id(5)] int Attempts,
    [property: Id(6)] string OriginalValueBase64) : IEvent;
