using System.Globalization;
using System.Net;
using System.Numerics;
using System.Text.Json;
using Commerce.Chain.Contracts;
using Commerce.Chain.Crypto;
using Commerce.Chain.Hex;
using Commerce.Chain.JsonRpc;
using Commerce.Chain.Transactions;
using Nethereum.Contracts;

namespace Commerce.Benchmarks.Orders;

/// <summary>
/// <c>./run bench orders</c> (issue 4): orders per second end to end, placed by simulated players through the API,
/// paid from each player's own wallet, confirmed on the dev chain (Anvil, 1 s blocks, depth 2) and reported to the
/// player by push; next to the raw baseline of the same run: the same purchase transactions sent straight to the node
/// and followed to the same depth. Prints where the time goes.
/// </summary>
public static class OrdersBenchmark
{
    private static readonly BigInteger Price = BigInteger.Pow(10, 16); // 0.01 ETH
    private static readonly BigInteger Gwei = BigInteger.Pow(10, 9);
    private const ulong PurchaseGas = 500_000;
    private const int Confirmations = 2;

    public static async Task<int> RunAsync(string[] args)
    {
        OrdersBenchOptions options;
        try
        {
            options = OrdersBenchOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }
        var quoteKey = EthPrivateKey.Generate();
        Console.WriteLine($"orders benchmark: {options.Players} players, {options.Orders} orders at {options.Rate}/s offered, " +
            $"Anvil 1 s blocks, confirmation depth {Confirmations}, {Environment.ProcessorCount} cores");
        await using var host = await HostUnderTest.StartAsync(RepositoryRoot(), options.Orders, quoteKey, TimeSpan.FromMinutes(3));
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512 }) { BaseAddress = host.Url, Timeout = TimeSpan.FromSeconds(60) };
        using var rpcHttp = new HttpClient();
        var eth = new EthClient(new JsonRpcClient(rpcHttp, new JsonRpcClientOptions { Endpoint = host.RpcUrl, MaxRetries = 3 }));
        var anvil = new AnvilClient(eth.Rpc);

        var setup = System.Diagnostics.Stopwatch.StartNew();
        var players = new BenchPlayer[options.Players];
        await Parallel.ForAsync(0, options.Players, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, _) =>
        {
            players[i] = await BenchPlayer.SignInAsync(http, host.Url);
            await anvil.SetBalanceAsync(players[i].Wallet, BigInteger.Pow(10, 21));
        });
        // The seed catalog is listed by the item grains in the background: wait for its first and last item.
        foreach (var tokenId in new[] { 1, options.Orders })
        {
            await WaitUntilAsync(async () =>
            {
                using var request = players[0].Request(HttpMethod.Get, $"/api/items/{HostUnderTest.Collection}:{tokenId}");
                using var response = await http.SendAsync(request);
                return response.IsSuccessStatusCode;
            }, TimeSpan.FromMinutes(2), $"item {HostUnderTest.Collection}:{tokenId} listed");
        }
        Console.WriteLine($"setup: {options.Players} players signed in (SIWE), push sockets open, wallets funded, {options.Orders} items listed in {setup.Elapsed.TotalSeconds:F1} s");

        await using var blocks = new BlockFollower(eth, Confirmations);
        await blocks.StartAsync();
        try
        {
            var raw = await RunRawAsync(options, host, eth, players, quoteKey, blocks);
            var platform = await RunPlatformAsync(options, host, http, eth, players, quoteKey, blocks);
            Report(options, raw, platform, blocks);
            return 0;
        }
        finally
        {
            await Task.WhenAll(players.Select(p => p.DisposeAsync().AsTask()));
        }
    }

    /// <summary>The baseline: purchase transactions for unlisted token ids sent straight to the node, at the same pace.</summary>
    private static async Task<List<(TimeSpan Sent, string Hash)>> RunRawAsync(
        OrdersBenchOptions options, HostUnderTest host, EthClient eth, BenchPlayer[] players, EthPrivateKey quoteKey, BlockFollower blocks)
    {
        var sent = new List<(TimeSpan, string)>(options.Orders);
        var pacer = new SteadyPacer(options.Rate);
        var sends = new List<Task>();
        for (var i = 0; i < options.Orders; i++)
        {
            pacer.WaitFor(i);
            var player = players[i % players.Length];
            var quote = Quote(host, player.Wallet, new BigInteger(1_000_000 + i));
            var data = quote.ToPurchase(quote.Sign(quoteKey, host.ChainId, host.Checkout).ToBytes()).GetCallData();
            var at = blocks.Now;
            sends.Add(SendAsync(eth, host, player, host.Checkout, data, Price).ContinueWith(t =>
            {
                lock (sent) sent.Add((at, t.Result));
            }, TaskScheduler.Default));
        }
        await Task.WhenAll(sends);
        await WaitUntilAsync(() => sent.All(s => blocks.Confirmed(s.Item2) is not null), options.Timeout, "every raw purchase confirmed");
        return sent;
    }

    private static async Task<List<OrderRun>> RunPlatformAsync(
        OrdersBenchOptions options, HostUnderTest host, HttpClient http, EthClient eth, BenchPlayer[] players, EthPrivateKey quoteKey, BlockFollower blocks)
    {
        var runs = new List<OrderRun>(options.Orders);
        var tasks = new List<Task>(options.Orders);
        var pacer = new SteadyPacer(options.Rate);
        for (var i = 0; i < options.Orders; i++)
        {
            pacer.WaitFor(i);
            var player = players[i % players.Length];
            var quote = Quote(host, player.Wallet, new BigInteger(i + 1));
            var run = new OrderRun(HexString.Encode(quote.Nonce), player);
            runs.Add(run);
            tasks.Add(Task.Run(() => OrderAsync(run, quote, quoteKey, host, http, eth, blocks, options.Timeout)));
        }
        await Task.WhenAll(tasks);
        return runs;
    }

    /// <summary>One player's order, as a game client does it: place, wait for the hold, pay the steps, wait for completion.</summary>
    private static async Task OrderAsync(OrderRun run, CheckoutQuote quote, EthPrivateKey quoteKey, HostUnderTest host, HttpClient http, EthClient eth,
        BlockFollower blocks, TimeSpan timeout)
    {
        try
        {
            var signature = quote.Sign(quoteKey, host.ChainId, host.Checkout).ToHex();
            var reserved = run.Player.WhenAsync(run.OrderId, "reserved");
            var completed = run.Player.WhenAsync(run.OrderId, "completed");
            run.Placed = blocks.Now;
            using (var place = run.Player.Request(HttpMethod.Post, "/api/me/orders", new
            {
                itemId = $"{HostUnderTest.Collection}:{quote.TokenId}",
                quote = new
                {
                    collection = quote.Collection.ToString(),
                    tokenId = quote.TokenId.ToString(CultureInfo.InvariantCulture),
                    buyer = quote.Buyer.ToString(),
                    currency = quote.Currency.ToString(),
                    price = quote.Price.ToString(CultureInfo.InvariantCulture),
                    installments = 1,
                    expiry = quote.Expiry,
                    nonce = run.OrderId,
                },
                signature,
                paymentKind = "eth",
            }))
            {
                place.Headers.Add("Idempotency-Key", run.OrderId);
                using var response = await http.SendAsync(place);
                if (response.StatusCode != HttpStatusCode.Accepted)
                {
                    run.Failure = $"place: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
                    return;
                }
            }
            run.Accepted = blocks.Now;
            await reserved.WaitAsync(timeout);
            run.Reserved = blocks.Now;
            using var paymentRequest = run.Player.Request(HttpMethod.Get, $"/api/me/orders/{run.OrderId}/payment");
            using var paymentResponse = await http.SendAsync(paymentRequest);
            var payment = JsonDocument.Parse(await paymentResponse.Content.ReadAsStringAsync()).RootElement;
            foreach (var step in payment.GetProperty("steps").EnumerateArray())
            {
                run.TransactionHash = await SendAsync(eth, host, run.Player, EthAddress.Parse(step.GetProperty("to").GetString()),
                    HexString.Decode(step.GetProperty("data").GetString()), BigInteger.Parse(step.GetProperty("value").GetString()!, CultureInfo.InvariantCulture));
            }
            run.Sent = blocks.Now;
            if (run.TransactionHash is null)
            {
                run.Failure = $"no payment step: {payment}";
                return;
            }
            await completed.WaitAsync(timeout);
            run.Completed = blocks.Now;
        }
        catch (TimeoutException)
        {
            run.Failure = run.Reserved is null ? "no reserved push in time" : "no completed push in time";
        }
        catch (Exception e) when (e is HttpRequestException or JsonRpcException or JsonException or KeyNotFoundException)
        {
            run.Failure = e.Message;
        }
    }

    private static CheckoutQuote Quote(HostUnderTest host, EthAddress buyer, BigInteger tokenId) => new()
    {
        Collection = host.CollectionContract,
        TokenId = tokenId,
        Buyer = buyer,
        Currency = EthAddress.Zero,
        Price = Price,
        Expiry = (ulong)DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds(),
        Nonce = CheckoutQuote.NewNonce(),
    };

    /// <summary>Signs with the player's own key (its next nonce) and hands the transaction to the node.</summary>
    private static Task<string> SendAsync(EthClient eth, HostUnderTest host, BenchPlayer player, EthAddress to, byte[] data, BigInteger value)
    {
        var transaction = new Eip1559Transaction
        {
            ChainId = host.ChainId,
            Nonce = player.TakeNonce(),
            MaxPriorityFeePerGas = Gwei,
            MaxFeePerGas = 100 * Gwei,
            GasLimit = PurchaseGas,
            To = to,
            Value = value,
            Data = data,
        };
        return eth.SendRawTransactionAsync(transaction.SignWith(player.Key));
    }

    private static void Report(OrdersBenchOptions options, List<(TimeSpan Sent, string Hash)> raw, List<OrderRun> runs, BlockFollower blocks)
    {
        var rawConfirmed = raw.Select(r => (r.Sent, Confirmed: blocks.Confirmed(r.Hash))).Where(r => r.Confirmed is not null).ToList();
        var rawSpan = rawConfirmed.Max(r => r.Confirmed!.Value) - raw.Min(r => r.Sent);
        var rawRate = rawConfirmed.Count / rawSpan.TotalSeconds;
        var done = runs.Where(r => r.Completed is not null).ToList();
        var span = done.Count == 0 ? TimeSpan.Zero : done.Max(r => r.Completed!.Value) - runs.Min(r => r.Placed!.Value);
        var rate = done.Count / Math.Max(span.TotalSeconds, 0.001);

        Console.WriteLine();
        Console.WriteLine($"raw baseline: {rawConfirmed.Count}/{raw.Count} purchases confirmed in {rawSpan.TotalSeconds:F1} s = {rawRate:F1}/s");
        Console.WriteLine($"  sent -> mined      {Percentiles.Describe(raw.Select(r => blocks.Mined(r.Hash)).Where(m => m is not null).Zip(raw, (m, r) => (m!.Value.SeenAt - r.Sent).TotalMilliseconds))}");
        Console.WriteLine($"  sent -> confirmed  {Percentiles.Describe(rawConfirmed.Select(r => (r.Confirmed!.Value - r.Sent).TotalMilliseconds))}");
        Console.WriteLine($"platform: {done.Count}/{runs.Count} orders completed in {span.TotalSeconds:F1} s = {rate:F1} orders/s ({rate / rawRate:P0} of raw)");
        foreach (var failure in runs.Where(r => r.Failure is not null).GroupBy(r => r.Failure).OrderByDescending(g => g.Count()).Take(5))
            Console.WriteLine($"  not completed: {failure.Count()} x {failure.Key}");
        Console.WriteLine("where the time goes (per order):");
        Console.WriteLine($"  placed -> 202 accepted            {Percentiles.Describe(done.Select(r => Ms(r.Placed, r.Accepted)))}");
        Console.WriteLine($"  202 -> 'reserved' push            {Percentiles.Describe(done.Select(r => Ms(r.Accepted, r.Reserved)))}");
        Console.WriteLine($"  reserved -> payment sent          {Percentiles.Describe(done.Select(r => Ms(r.Reserved, r.Sent)))}");
        Console.WriteLine($"  sent -> mined (block)             {Percentiles.Describe(done.Select(r => Ms(r.Sent, blocks.Mined(r.TransactionHash!)?.SeenAt)))}");
        Console.WriteLine($"  mined -> depth {Confirmations} reached           {Percentiles.Describe(done.Select(r => Ms(blocks.Mined(r.TransactionHash!)?.SeenAt, blocks.Confirmed(r.TransactionHash!))))}");
        Console.WriteLine($"  depth reached -> 'completed' push {Percentiles.Describe(done.Select(r => Ms(blocks.Confirmed(r.TransactionHash!), r.Completed)))}");
        Console.WriteLine($"  placed -> 'completed' push        {Percentiles.Describe(done.Select(r => Ms(r.Placed, r.Completed)))}");
        Console.WriteLine($"goal: >= 100 orders/s confirmed: {(rate >= 100 ? "met" : "NOT met")} ({rate:F1}/s; {options.Rate}/s offered)");
    }

    private static double Ms(TimeSpan? from, TimeSpan? to) => from is { } f && to is { } t ? (t - f).TotalMilliseconds : double.NaN;

    private static Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string expected) =>
        WaitUntilAsync(() => Task.FromResult(condition()), timeout, expected);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string expected)
    {
        var deadline = DateTime.UtcNow + timeout;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"expected {expected} within {timeout}");
            await timer.WaitForNextTickAsync();
        }
    }

    internal static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Commerce.sln")))
                return directory.FullName;
        }
        throw new InvalidOperationException("run from inside the repository (Commerce.sln not found above the benchmark)");
    }
}
