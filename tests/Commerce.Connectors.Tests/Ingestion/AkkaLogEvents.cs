using Akka.Actor;
using Akka.Event;

namespace Commerce.Connectors.Tests.Ingestion;

/// <summary>
/// The warnings and errors an actor system logs (its event stream), in order. <see cref="DrainAsync"/> publishes a
/// marker and reads until it comes back, so everything logged before the call has been seen: no waiting on time.
/// </summary>
public sealed class AkkaLogEvents(ActorSystem system)
{
    private readonly Inbox _inbox = Subscribed(system);

    public async Task<IReadOnlyList<LogEvent>> DrainAsync(TimeSpan deadline)
    {
        var marker = new Info("test", typeof(AkkaLogEvents), "marker-" + Guid.NewGuid());
        system.EventStream.Publish(marker);
        var seen = new List<LogEvent>();
        while (true)
        {
            var message = await _inbox.ReceiveAsync(deadline);
            if (ReferenceEquals(message, marker))
                return seen;
            if (message is Warning or Error)
                seen.Add((LogEvent)message);
        }
    }

    private static Inbox Subscribed(ActorSystem system)
    {
        var inbox = Inbox.Create(system);
        system.EventStream.Subscribe(inbox.Receiver, typeof(Warning));
        system.EventStream.Subscribe(inbox.Receiver, typeof(Error));
        system.EventStream.Subscribe(inbox.Receiver, typeof(Info));
        return inbox;
    }
}
