namespace Commerce.Sdk.Tests.Support;

/// <summary>How the test server treats one push connection (by its index, 0 = first).</summary>
public sealed record PushPlan
{
    public static readonly PushPlan Normal = new();

    /// <summary>Answer the upgrade request with this HTTP status instead of accepting it.</summary>
    public int? RefuseWithStatus { get; init; }

    /// <summary>Abort the TCP connection (no close handshake) after sending this many frames.</summary>
    public int? AbortAfterFrames { get; init; }

    /// <summary>
    /// Awaited before the abort: lets a test hold the abort until the client has really received
    /// the frames sent so far (an abort discards whatever is still buffered on the server).
    /// </summary>
    public Func<Task>? BeforeAbort { get; init; }

    /// <summary>Close the WebSocket cleanly after sending this many frames.</summary>
    public int? CloseAfterFrames { get; init; }

    /// <summary>Misbehave: replay from seq 1 whatever cursor the client sent.</summary>
    public bool IgnoreCursor { get; init; }

    /// <summary>Misbehave: send every frame twice.</summary>
    public bool SendEachFrameTwice { get; init; }

    /// <summary>Send these raw text frames first.</summary>
    public IReadOnlyList<string> LeadingRawFrames { get; init; } = [];
}
