using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Commerce.Chain.Abi;
using Commerce.Chain.Crypto;
using Commerce.Chain.Hex;
using Commerce.Chain.JsonRpc;
using Commerce.Chain.Signing;
using Commerce.Chain.Transactions;
using Commerce.Execution.Executor;
using Commerce.Execution.Keys;
using Commerce.Execution.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Nethereum.ABI.ABIDeserialisation;
using Nethereum.ABI.FunctionEncoding;
using Nethereum.ABI.Model;

namespace Commerce.Execution.Cli;

/// <summary>
/// The operator's chain commands. Each reads options, prints JSON or hex on <c>output</c>, and
/// answers bad input with one line on <c>error</c> naming the field, and exit code 2.
/// </summary>
public static class ChainCli
{
    public const string Usage = """
        usage: chain <command> [options]
          keccak          --data 0x.. | --text TEXT
          address         --key 0x..
          sign-tx         --key 0x.. --chain-id N --nonce N --gas N [--type 2|0] [--to 0x..] [--value WEI] [--data 0x..]
                          type 2: --max-fee WEI --priority-fee WEI; type 0: --gas-price WEI
          decode-tx       --raw 0x..
          sign-message    --key 0x.. (--text TEXT | --data 0x..)
          recover-message --signature 0x.. (--text TEXT | --data 0x..)
          sign-typed      --key 0x.. (--typed JSON | --file PATH)
          recover-typed   --signature 0x.. (--typed JSON | --file PATH)
          abi-encode      --signature "transfer(address,uint256)" --args '["0x..","5"]'
          abi-decode      --signature "f() returns (uint256,bool)" --data 0x..
          nonce show|resync|cancel --rpc URL --sender 0x.. [--store sqlite|postgres] --connection CS
                          cancel: --nonce N and --key 0x.. (or --keystore PATH --password-env VAR)
          stuck           --rpc URL --sender 0x.. [--store sqlite|postgres] --connection CS [--older-than SECONDS]
        """;

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length == 0 || args[0] is "help" or "--help" or "-h")
        {
            await output.WriteLineAsync(Usage);
            return args.Length == 0 ? 2 : 0;
        }
        try
        {
            var verb = args[0];
            var a = new CliArguments(args.Skip(1));
            string result = verb switch
            {
                "keccak" => HexString.Encode(Keccak256.Hash(Payload(a))),
                "address" => Key(a).Address.ToString(),
                "sign-tx" => SignTransaction(a),
                "decode-tx" => DecodeTransaction(a),
                "sign-message" => PersonalMessage.Sign(Key(a), Payload(a)),
                "recover-message" => PersonalMessage.RecoverAddress(Payload(a), a.Required("--signature")).ToString(),
                "sign-typed" => SignTyped(a),
                "recover-typed" => Typed(a).RecoverSigner(a.Required("--signature")).ToString(),
                "abi-encode" => EncodeCall(a),
                "abi-decode" => DecodeOutput(a),
                "nonce" => await NonceAsync(a),
                "stuck" => await StuckAsync(a),
                _ => throw new CliException("command", $"unknown command \"{verb}\" (see chain help)"),
            };
            a.RejectUnknown();
            await output.WriteLineAsync(result);
            return 0;
        }
        catch (Exception ex) when (Describe(ex) is { } message)
        {
            await error.WriteLineAsync("error: " + message);
            return 2;
        }
    }

    private static string? Describe(Exception ex) => ex switch
    {
        CliException or HexFormatException or TransactionFormatException or AbiException or TypedDataException or KeystoreException => OneLine(ex.Message),
        CryptographicException => "--signature: " + OneLine(ex.Message),
        HttpRequestException or TimeoutException or JsonRpcException => "--rpc: " + OneLine(ex.Message),
        ArgumentException => OneLine(ex.Message),
        _ => null,
    };

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");

    private static byte[] Payload(CliArguments a)
    {
        var data = a.Optional("--data");
        var text = a.Optional("--text");
        return (data, text) switch
        {
            (not null, null) => HexString.Decode(data, "--data"),
            (null, not null) => Encoding.UTF8.GetBytes(text),
            (null, null) => throw new CliException("--data", "give --data 0x.. or --text TEXT"),
            _ => throw new CliException("--data", "give either --data or --text, not both"),
        };
    }

    private static EthPrivateKey Key(CliArguments a)
    {
        var keystore = a.Optional("--keystore");
        if (keystore is null)
            return EthPrivateKey.FromHex(a.Required("--key"), "--key");
        var variable = a.Required("--password-env");
        var password = Environment.GetEnvironmentVariable(variable) ?? throw new CliException("--password-env", $"environment variable {variable} is not set");
        if (!File.Exists(keystore))
            throw new CliException("--keystore", $"no file at {keystore}");
        return KeystoreV3.Decrypt(File.ReadAllText(keystore), password);
    }

    private static string SignTransaction(CliArguments a)
    {
        var key = Key(a);
        var type = a.UInt64("--type", 2);
        var to = a.Optional("--to") is { } t ? EthAddress.Parse(t, "--to") : null;
        var data = a.Optional("--data") is { } d ? HexString.Decode(d, "--data") : [];
        ITransaction transaction = type switch
        {
            2 => new Eip1559Transaction
            {
                ChainId = a.UInt64("--chain-id"), Nonce = a.UInt64("--nonce"), MaxFeePerGas = a.Wei("--max-fee"),
                MaxPriorityFeePerGas = a.Wei("--priority-fee"), GasLimit = a.UInt64("--gas"), To = to, Value = a.Wei("--value", 0), Data = data,
            },
            0 => new LegacyTransaction
            {
                ChainId = a.Optional("--chain-id") is null ? null : a.UInt64("--chain-id"), Nonce = a.UInt64("--nonce"), GasPrice = a.Wei("--gas-price"),
                GasLimit = a.UInt64("--gas"), To = to, Value = a.Wei("--value", 0), Data = data,
            },
            _ => throw new CliException("--type", $"{type} is not supported (2 for EIP-1559, 0 for legacy)"),
        };
        var signed = transaction.SignWith(key);
        return new JsonObject { ["raw"] = signed.RawHex, ["hash"] = signed.Hash, ["sender"] = signed.Sender.ToString() }.ToJsonString(Indented);
    }

    private static string DecodeTransaction(CliArguments a)
    {
        var signed = SignedTransaction.Decode(a.Required("--raw"));
        var t = signed.Transaction;
        var json = new JsonObject
        {
            ["type"] = (int)t.Type,
            ["chainId"] = t.ChainId is { } c ? JsonValue.Create(c) : null,
            ["nonce"] = t.Nonce,
        };
        switch (t)
        {
            case Eip1559Transaction e:
                json["maxPriorityFeePerGas"] = Text(e.MaxPriorityFeePerGas);
                json["maxFeePerGas"] = Text(e.MaxFeePerGas);
                break;
            case LegacyTransaction l:
                json["gasPrice"] = Text(l.GasPrice);
                break;
        }
        json["gas"] = t.GasLimit;
        json["to"] = t.To?.ToString();
        json["value"] = Text(t.Value);
        json["data"] = HexString.Encode(t.Data);
        json["hash"] = signed.Hash;
        json["sender"] = signed.Sender.ToString();
        json["yParity"] = signed.Signature.YParity;
        json["r"] = HexString.Encode(signed.Signature.R);
        json["s"] = HexString.Encode(signed.Signature.S);
        return json.ToJsonString(Indented);
    }

    private static TypedData Typed(CliArguments a)
    {
        var inline = a.Optional("--typed");
        var file = a.Optional("--file");
        var json = (inline, file) switch
        {
            (not null, null) => inline,
            (null, not null) => File.Exists(file) ? File.ReadAllText(file) : throw new CliException("--file", $"no file at {file}"),
            _ => throw new CliException("--typed", "give either --typed JSON or --file PATH"),
        };
        return TypedData.Parse(json);
    }

    private static string SignTyped(CliArguments a)
    {
        var key = Key(a);
        return Typed(a).Sign(key).ToHex();
    }

    private static FunctionABI Function(CliArguments a)
    {
        var signature = a.Required("--signature").Trim();
        try
        {
            return ABIDeserialiserFactory.DeserialiseFunctionABI(signature.StartsWith("function ", StringComparison.Ordinal) ? signature : "function " + signature)
                ?? throw new CliException("--signature", "is not a function signature");
        }
        catch (Exception e) when (e is not CliException)
        {
            throw new CliException("--signature", $"is not a function signature ({e.Message})");
        }
    }

    private static string EncodeCall(CliArguments a)
    {
        var function = Function(a);
        var arguments = AbiJson.ReadArguments(a.Required("--args"), "--args");
        object[] values;
        try
        {
            values = StrictArguments.Convert(function.InputParameters, arguments);
        }
        catch (AbiException e)
        {
            throw new CliException("--args", e.Message);
        }
        return new FunctionCallEncoder().EncodeRequest(function.Sha3Signature, function.InputParameters, values);
    }

    private static string DecodeOutput(CliArguments a)
    {
        var function = Function(a);
        var data = HexString.Decode(a.Required("--data"), "--data");
        try
        {
            CanonicalWords.Check(function.OutputParameters, data, "output");
        }
        catch (AbiException e)
        {
            throw new CliException("--data", e.Message);
        }
        var outputs = new FunctionCallDecoder().DecodeDefaultData(data, function.OutputParameters);
        return new JsonArray(DecodedValues.Normalize(outputs).Select(AbiJson.ToJson).ToArray()).ToJsonString();
    }

    private static async Task<string> NonceAsync(CliArguments a)
    {
        var action = a.Words.FirstOrDefault() ?? throw new CliException("nonce", "give show, resync or cancel");
        await using var context = await OpenAsync(a);
        var sender = context.Sender;
        var nonces = new Nonces.NonceManager(context.Store, context.Eth);
        switch (action)
        {
            case "show":
                return JsonSerializer.SerializeToNode(await nonces.ShowAsync(sender, default), CliJsonContext.Default.NonceState)!.ToJsonString(Indented);
            case "resync":
                return JsonSerializer.SerializeToNode(await nonces.ResyncAsync(sender, default), CliJsonContext.Default.NonceState)!.ToJsonString(Indented);
            case "cancel":
                var nonce = a.UInt64("--nonce");
                var key = Key(a);
                if (key.Address != sender)
                    throw new CliException("--key", $"is the key of {key.Address}, not of --sender {sender}");
                var chainId = await context.Eth.GetChainIdAsync();
                var executor = new TransactionExecutor(new ExecutorOptions { RpcUrl = context.Eth.Rpc.Endpoint.ToString(), ChainId = chainId },
                    new HotWallet(key), context.Store, context.Eth.Rpc, TimeProvider.System, NullLoggerFactory.Instance);
                var cancelled = await executor.Tracker.CancelNonceAsync(nonce, "cancelled by an operator", default);
                if (!cancelled)
                    throw new CliException("--nonce", $"{nonce} is not an open, unmined nonce of {sender}");
                var command = (await context.Store.LoadOpenAsync(sender, null, default)).FirstOrDefault(c => c.Nonce == nonce);
                return new JsonObject
                {
                    ["nonce"] = nonce,
                    ["commandId"] = command?.CommandId,
                    ["cancelHash"] = command?.Latest.Hash,
                    ["maxFeePerGas"] = command is null ? null : Text(command.Latest.MaxFeePerGas),
                }.ToJsonString(Indented);
            default:
                throw new CliException("nonce", $"unknown action \"{action}\" (show, resync or cancel)");
        }
    }

    private static async Task<string> StuckAsync(CliArguments a)
    {
        var olderThan = TimeSpan.FromSeconds(a.UInt64("--older-than", 60));
        await using var context = await OpenAsync(a);
        var now = DateTimeOffset.UtcNow;
        var open = await context.Store.LoadOpenAsync(context.Sender, null, default);
        var stuck = open.Where(c => c.Status is CommandStatus.Pending or CommandStatus.Submitted && now - c.Latest.CreatedAt >= olderThan);
        return new JsonArray(stuck.Select(c => (JsonNode)new JsonObject
        {
            ["commandId"] = c.CommandId,
            ["nonce"] = c.Nonce,
            ["status"] = c.Status.ToString().ToLowerInvariant(),
            ["attempts"] = c.Attempts.Count,
            ["latestHash"] = c.Latest.Hash,
            ["maxFeePerGas"] = Text(c.Latest.MaxFeePerGas),
            ["feeCeiling"] = Text(c.FeeCeiling),
            ["cancelling"] = c.Latest.IsCancel,
            ["ageSeconds"] = (long)(now - c.Latest.CreatedAt).TotalSeconds,
            ["lastError"] = c.LastError,
        }).ToArray()).ToJsonString(Indented);
    }

    private static async Task<StoreContext> OpenAsync(CliArguments a)
    {
        var rpcText = a.Required("--rpc");
        if (!Uri.TryCreate(rpcText, UriKind.Absolute, out var endpoint) || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
            throw new CliException("--rpc", $"\"{rpcText}\" is not an http(s) URL");
        var sender = EthAddress.Parse(a.Required("--sender"), "--sender");
        var provider = a.Optional("--store") ?? "sqlite";
        var connection = a.Required("--connection");
        IExecutorStore store = provider switch
        {
            "sqlite" => new SqliteExecutorStore(connection, TimeProvider.System),
            "postgres" => new PostgresExecutorStore(connection, TimeProvider.System),
            _ => throw new CliException("--store", $"\"{provider}\" is not sqlite or postgres"),
        };
        await store.InitializeAsync(default);
        var http = new HttpClient();
        var rpc = new JsonRpcClient(http, new JsonRpcClientOptions { Endpoint = endpoint, MaxRetries = 2 });
        return new StoreContext(store, new EthClient(rpc), sender, http);
    }

    private static string Text(BigInteger value) => value.ToString(CultureInfo.InvariantCulture);

    private sealed record StoreContext(IExecutorStore Store, EthClient Eth, EthAddress Sender, HttpClient Http) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (Store is IAsyncDisposable disposable)
                await disposable.DisposeAsync();
            Http.Dispose();
        }
    }
}
