using System.Text.Json;
using System.Text.Json.Nodes;

namespace Commerce.Chain.JsonRpc;

/// <summary>
/// Calls sent together in one HTTP request. <see cref="Add{T}"/> returns a task that completes
/// when <see cref="SendAsync"/> has the answers; each call succeeds or fails on its own.
/// </summary>
public sealed class JsonRpcBatch
{
    private readonly JsonRpcClient _client;
    private readonly List<Entry> _entries = [];
    private bool _sent;

    internal JsonRpcBatch(JsonRpcClient client) => _client = client;

    public int Count => _entries.Count;

    public Task<T> Add<T>(RpcCall<T> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (_sent)
            throw new InvalidOperationException("this batch has already been sent");
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _entries.Add(new Entry(
            _client.NextId(),
            call.Method,
            call.Params,
            response => completion.SetResult(JsonRpcClient.ReadResult(call, response)),
            error => completion.TrySetException(error)));
        return completion.Task;
    }

    public async Task SendAsync(CancellationToken cancellationToken = default)
    {
        if (_sent)
            throw new InvalidOperationException("this batch has already been sent");
        _sent = true;
        if (_entries.Count == 0)
            return;
        var body = JsonRpcClient.WriteRequests(_entries.Select(e => (e.Id, e.Method, e.Params)).ToArray(), asBatch: true);
        JsonDocument document;
        try
        {
            document = await _client.PostAsync($"batch of {_entries.Count}", body, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            foreach (var entry in _entries)
                entry.Fail(e);
            throw;
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var error))
            {
                var rejected = JsonRpcClient.ToException("batch", error);
                foreach (var entry in _entries)
                    entry.Fail(rejected);
                throw rejected;
            }
            var byId = new Dictionary<long, JsonElement>();
            if (root.ValueKind == JsonValueKind.Array)
            {
                foreach (var response in root.EnumerateArray())
                {
                    if (response.TryGetProperty("id", out var id) && id.TryGetInt64(out var value))
                        byId[value] = response;
                }
            }
            foreach (var entry in _entries)
            {
                if (!byId.TryGetValue(entry.Id, out var response))
                {
                    entry.Fail(new InvalidDataException($"{entry.Method}: the batch answer has no response with id {entry.Id}"));
                    continue;
                }
                try
                {
                    entry.Complete(response);
                }
                catch (Exception e)
                {
                    entry.Fail(e);
                }
            }
        }
    }

    private sealed record Entry(long Id, string Method, JsonArray Params, Action<JsonElement> Complete, Action<Exception> Fail);
}
