using System.Runtime.CompilerServices;
using System.Text.Json;
using Commerce.Connectors.Crm.Api;
using Commerce.Connectors.Crm.Configuration;
using Commerce.Connectors.Crm.Mapping;
using Commerce.Connectors.Ingestion;

namespace Commerce.Connectors.Crm.Sources;

/// <summary>
/// The CRM's loyalty as one source. With no stored replay id it first reads every record through SOQL (the backfill),
/// then follows the change events of the entity from every retained one (-2); afterwards it resumes from the stored
/// replay id. A replay id the server no longer knows (past its retention) starts with a backfill again. Records a gap,
/// an overflow or an unknown UPDATE names are read again through SOQL before the event's position moves.
/// </summary>
public sealed class CrmChangeSource(
    ISalesforceStreamingApi streaming,
    CrmRecordReader reader,
    SoqlQueries queries,
    ChangeEventProcessor processor,
    CrmOptions options) : IIngestSource
{
    /// <summary>The ledger stream of the replay id.</summary>
    public const string ReplayStream = "cdc";

    /// <summary>Subscribe from every retained event (documented constant of the replay extension).</summary>
    public const string AllRetained = "-2";

    public string Name => "crm";

    private readonly byte[] _changeChannel = System.Text.Encoding.UTF8.GetBytes(options.ChangeChannel);

    public async IAsyncEnumerable<IngestPage> ReadAsync(IReadOnlyDictionary<string, string> positions, [EnumeratorCancellation] CancellationToken ct)
    {
        processor.Known.Clear(); // what this read publishes is worked out again from the stored position
        var replay = positions.GetValueOrDefault(ReplayStream);
        if (replay is null)
        {
            await foreach (var page in Backfill(ct))
                yield return page;
            replay = AllRetained;
        }

        var session = new BayeuxSession(streaming, options.ApiVersion, options.ChangeChannel);
        await session.HandshakeAsync(ct);
        if (await session.SubscribeAsync(replay, ct) is { } refused)
        {
            if (!refused.Contains("replayId", StringComparison.OrdinalIgnoreCase))
                throw new BayeuxException($"subscription refused: {refused}", null);
            await foreach (var page in Backfill(ct)) // the stored position is past the retention: read everything again
                yield return page;
            replay = AllRetained;
            if (await session.SubscribeAsync(replay, ct) is { } again)
                throw new BayeuxException($"subscription refused: {again}", null);
        }

        while (true)
        {
            using var answer = await session.ConnectAsync(ct);
            var units = new List<IngestUnit>();
            foreach (var message in answer.RootElement.EnumerateArray())
            {
                if (message.ValueKind != JsonValueKind.Object || !message.TryGetProperty("channel"u8, out var channel))
                    continue;
                if (channel.ValueEquals(BayeuxSession.ConnectChannel))
                {
                    var reply = message.Deserialize<BayeuxMessage>()!;
                    if (reply.Successful == true)
                        continue;
                    if (reply.Advice?.Reconnect == "handshake")
                    {
                        await session.HandshakeAsync(ct);
                        if (await session.SubscribeAsync(replay, ct) is { } lost)
                            throw new BayeuxException($"subscription refused after a new handshake: {lost}", null);
                        continue;
                    }
                    throw new BayeuxException($"connect refused: {reply.Error}", reply.Advice?.Reconnect);
                }
                if (!channel.ValueEquals(_changeChannel) || !message.TryGetProperty("data"u8, out var data) || data.ValueKind == JsonValueKind.Null)
                    continue;

                var (replayId, outcome) = Read(data);
                var position = replayId is null ? null : new StreamPosition(ReplayStream, replayId);
                if (outcome.Refused is { } reason)
                {
                    units.Add(IngestUnit.Refused(new RejectedInput($"crm/cdc/{replayId ?? "no-replay-id"}", reason, data.GetRawText()), position));
                }
                else
                {
                    if (outcome.ReRead.Count > 0)
                    {
                        yield return new IngestPage(units);
                        units = [];
                        IEnumerable<string> soql = outcome.ReReadAll ? [queries.All()] : queries.ByIds(outcome.ReRead);
                        foreach (var query in soql)
                            await foreach (var page in reader.ReadAsync(query, ct))
                                yield return page;
                    }
                    units.Add(new IngestUnit(outcome.Records, [], position));
                }
                if (replayId is not null)
                    replay = replayId;
            }
            yield return new IngestPage(units);
        }
    }

    private async IAsyncEnumerable<IngestPage> Backfill([EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var page in reader.ReadAsync(queries.All(), ct))
            yield return page;
        yield return new IngestPage([IngestUnit.Move(new StreamPosition(ReplayStream, AllRetained))]);
    }

    private (string? ReplayId, ChangeOutcome Outcome) Read(JsonElement data)
    {
        string? replayId = null;
        if (data.ValueKind == JsonValueKind.Object && data.TryGetProperty("event"u8, out var header) && header.ValueKind == JsonValueKind.Object
            && header.TryGetProperty("replayId"u8, out var id) && id.ValueKind is JsonValueKind.Number or JsonValueKind.String)
            replayId = id.GetRawText();
        if (replayId is null)
            return (null, ChangeOutcome.Refuse("event.replayId: missing"));
        if (!data.TryGetProperty("payload"u8, out var payload) || payload.ValueKind != JsonValueKind.Object)
            return (replayId, ChangeOutcome.Refuse("payload: missing or not an object"));
        return (replayId, processor.Process(payload));
    }
}
