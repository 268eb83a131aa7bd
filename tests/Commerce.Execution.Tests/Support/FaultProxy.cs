using System.Net;
using System.Net.Sockets;

namespace Commerce.Execution.Tests.Support;

/// <summary>What the proxy does with one request.</summary>
public enum ProxyFault
{
    None,

    /// <summary>Answers 429 with Retry-After: 0, without forwarding.</summary>
    TooManyRequests,

    /// <summary>Answers 500 without forwarding.</summary>
    ServerError,

    /// <summary>Forwards to the node, then never answers (the client times out): the node did the work.</summary>
    HangAfterForward,

    /// <summary>Forwards to the node, then drops the connection halfway through the answer: the node did the work, the answer is lost.</summary>
    DropAfterForward,
}

/// <summary>
/// A small HTTP proxy in front of a JSON-RPC node that injects faults: <c>fault(n)</c> decides
/// what happens to the n-th request (1-based). Counts requests and faults.
/// </summary>
public sealed class FaultProxy : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly HttpClient _upstream = new();
    private readonly Uri _target;
    private readonly Func<int, ProxyFault> _fault;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _requests;
    private int _faults;

    public FaultProxy(Uri target, Func<int, ProxyFault> fault)
    {
        _target = target;
        _fault = fault;
        var port = Commerce.Testing.FreePort.Next();
        Endpoint = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Endpoint.ToString());
        _listener.Start();
        _loop = Task.Run(AcceptAsync);
    }

    public Uri Endpoint { get; }

    public int Requests => Volatile.Read(ref _requests);

    public int Faults => Volatile.Read(ref _faults);

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }
            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var n = Interlocked.Increment(ref _requests);
        var fault = _fault(n);
        if (fault != ProxyFault.None)
            Interlocked.Increment(ref _faults);
        try
        {
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            switch (fault)
            {
                case ProxyFault.TooManyRequests:
                    context.Response.StatusCode = 429;
                    context.Response.AddHeader("Retry-After", "0");
                    context.Response.Close();
                    return;
                case ProxyFault.ServerError:
                    context.Response.StatusCode = 500;
                    context.Response.Close();
                    return;
            }
            using var content = new ByteArrayContent(body.ToArray());
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            using var answer = await _upstream.PostAsync(_target, content, _stop.Token);
            var bytes = await answer.Content.ReadAsByteArrayAsync(_stop.Token);
            switch (fault)
            {
                case ProxyFault.HangAfterForward:
                    await Task.Delay(Timeout.Infinite, _stop.Token);
                    return;
                case ProxyFault.DropAfterForward:
                    // Promise the whole answer, send half of it, and cut the connection.
                    context.Response.ContentLength64 = bytes.Length;
                    await context.Response.OutputStream.WriteAsync(bytes.AsMemory(0, bytes.Length / 2), _stop.Token);
                    await context.Response.OutputStream.FlushAsync(_stop.Token);
                    context.Response.Abort();
                    return;
            }
            context.Response.StatusCode = (int)answer.StatusCode;
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(bytes, _stop.Token);
            context.Response.Close();
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is HttpListenerException or IOException or ObjectDisposedException or SocketException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (ObjectDisposedException)
        {
        }
        _upstream.Dispose();
    }
}
