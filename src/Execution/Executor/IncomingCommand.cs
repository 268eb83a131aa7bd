using Commerce.Events.Chain;

namespace Commerce.Execution.Executor;

/// <summary>One record of the command topic: its offset and its command, or why it could not be read.</summary>
public sealed record IncomingCommand(long Offset, ChainCommandRequested? Command, string? Error = null, string? Key = null, byte[]? RawValue = null, string? Topic = null, int Partition = 0);
