using System.Threading.Channels;

namespace Commerce.Host.Push;

/// <summary>
/// One open push WebSocket. Live pushes wait in a small bounded buffer; a client too slow to keep
/// up is disconnected (it resumes from its cursor) rather than letting the buffer grow.
/// </summary>
public sealed class PushConnection(string playerId)
{
    public const int BufferSize = 256;

    private readonly Channel<PushFrame> _frames = Channel.CreateBounded<PushFrame>(new BoundedChannelOptions(BufferSize)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    public Guid Id { get; } = Guid.NewGuid();

    public string PlayerId { get; } = playerId;

    public ChannelReader<PushFrame> Frames => _frames.Reader;

    /// <summary>True once the client fell behind by more than the buffer.</summary>
    public bool Overflowed { get; private set; }

    public void Offer(PushFrame frame)
    {
        if (!_frames.Writer.TryWrite(frame))
        {
            Overflowed = true;
            _frames.Writer.TryComplete();
        }
    }
}
