using Commerce.Events.Envelope;
using Commerce.Events.Pushes;
using Commerce.Events.Topics;
using Commerce.Messaging.Configuration;

namespace Commerce.Host.Push;

/// <summary>Hands every player's pushes (commerce.player-pushes) to the sockets of that player open here.</summary>
public sealed class PushFanout(KafkaConnection connection, PushHub hub, ILogger<PushFanout> logger)
    : TopicFanout(connection, TopicCatalog.PlayerPushes, "pushes", logger)
{
    protected override void Deliver(EventEnvelope envelope)
    {
        if (envelope.Payload is PlayerPushed push)
            hub.Deliver(push.PlayerId, new PushFrame(push.Seq, push.Kind, envelope.OccurredAt, push.BodyJson));
    }
}
