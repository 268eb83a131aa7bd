using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Commerce.GameSimulator.Marketplace;

/// <summary>
/// The simulator playing a marketplace: an HTTP listener on 127.0.0.1 that receives the platform's item.sold callbacks,
/// checks each Standard Webhooks signature (HMAC-SHA256 of "id.timestamp.body" under the shared secret) and keeps the
/// order ids of the verified ones, once per webhook id. A bad signature is answered 401 and counted.
/// </summary>
public sealed class DemoMarketplace : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly byte[] _secret;
    private readonly ConcurrentDictionary<string, string> _orderByWebhook = new(StringComparer.Ordinal);
    private readonly Task _serving;
    private int _refused;

    private DemoMarketplace(int port, string secret)
    {
        _secret = Convert.FromBase64String(secret["whsec_".Length..]);
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/callbacks/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    /// <summary>Verified callbacks (one per webhook id).</summary>
    public int Received => _orderByWebhook.Count;

    /// <summary>Requests whose signature did not verify.</summary>
    public int Refused => Volatile.Read(ref _refused);

    /// <summary>The orders the verified callbacks reported.</summary>
    public IReadOnlyCollection<string> Orders => _orderByWebhook.Values.ToHashSet(StringComparer.OrdinalIgnoreCase);

    public static bool IsSecret(string text)
    {
        if (!text.StartsWith("whsec_", StringComparison.Ordinal))
            return false;
        Span<byte> bytes = stackalloc byte[128];
        return Convert.TryFromBase64String(text["whsec_".Length..], bytes, out var written) && written >= 16;
    }

    public static DemoMarketplace Start(int port, string secret) => new(port, secret);

    /// <summary>Waits until the callbacks report every order of <paramref name="orderIds"/>, or <paramref name="timeout"/> passed.</summary>
    public async Task<bool> WaitForAsync(IReadOnlyCollection<string> orderIds, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var until = DateTimeOffset.UtcNow + timeout;
        while (!orderIds.All(Orders.Contains))
        {
            if (DateTimeOffset.UtcNow >= until)
                return false;
            await Task.Delay(100, cancellationToken);
        }

        return true;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var headers = context.Request.Headers;
            var id = headers["webhook-id"];
            if (id is null || !Verified(id, headers["webhook-timestamp"], headers["webhook-signature"], body.ToArray()))
            {
                Interlocked.Increment(ref _refused);
                context.Response.StatusCode = 401;
            }
            else
            {
                var data = JsonDocument.Parse(body.ToArray()).RootElement.GetProperty("data");
                _orderByWebhook.TryAdd(id, data.GetProperty("orderId").GetString() ?? "");
                context.Response.StatusCode = 204;
            }

            context.Response.Close();
        }
    }

    private bool Verified(string id, string? timestamp, string? signatures, byte[] body)
    {
        if (timestamp is null || signatures is null)
            return false;
        var signed = Encoding.UTF8.GetBytes($"{id}.{timestamp}.").Concat(body).ToArray();
        var expected = HMACSHA256.HashData(_secret, signed);
        Span<byte> given = stackalloc byte[64];
        foreach (var entry in signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!entry.StartsWith("v1,", StringComparison.Ordinal))
                continue;
            if (Convert.TryFromBase64String(entry[3..], given, out var written) && written == expected.Length
                && CryptographicOperations.FixedTimeEquals(given[..written], expected))
                return true;
        }

        return false;
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _serving;
    }
}
