using System.Globalization;
using Commerce.Chain.Crypto;

namespace Commerce.Host.Reconcile;

/// <summary>The sources <c>commerce reconcile</c> compares, from its options or else the platform's configuration.</summary>
public sealed record ReconcileSettings(
    string StoreProvider,
    string ConnectionString,
    string? KafkaBootstrap,
    Uri? RpcUrl,
    EthAddress? Checkout,
    bool Json,
    TimeSpan Slack,
    TimeSpan Timeout)
{
    private static readonly HashSet<string> Flags = ["--json"];
    private static readonly HashSet<string> Valued = ["--store", "--connection", "--kafka", "--rpc", "--checkout", "--slack", "--timeout"];

    /// <summary>The settings, or the first problem ("--option: what is wrong").</summary>
    public static (ReconcileSettings? Settings, string? Problem) Parse(string[] args, IConfiguration configuration)
    {
        var values = new Dictionary<string, string>();
        var json = false;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (Flags.Contains(arg))
            {
                json = true;
                continue;
            }
            if (!Valued.Contains(arg))
                return (null, $"{arg}: unknown option (use --store, --connection, --kafka, --rpc, --checkout, --slack, --timeout, --json)");
            if (i + 1 >= args.Length)
                return (null, $"{arg}: needs a value");
            values[arg] = args[++i];
        }
        string? Get(string option, params string[] keys) =>
            values.TryGetValue(option, out var v) ? v : keys.Select(k => configuration[k]).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

        var provider = Get("--store", "Store:Provider") ?? "sqlite";
        if (provider is not ("sqlite" or "postgres"))
            return (null, $"--store: \"{provider}\" is not sqlite or postgres");
        var connection = Get("--connection", "Store:ConnectionString");
        if (string.IsNullOrWhiteSpace(connection))
            return (null, "--connection: the store's connection string is required (or Store:ConnectionString)");
        var kafka = Get("--kafka", "Kafka:BootstrapServers");
        Uri? rpc = null;
        if (Get("--rpc", "Payments:RpcUrl") is { } rpcText && !(Uri.TryCreate(rpcText, UriKind.Absolute, out rpc) && rpc.Scheme is "http" or "https"))
            return (null, $"--rpc: \"{rpcText}\" is not an http(s) URL");
        EthAddress? checkout = null;
        if (Get("--checkout", "Orders:CheckoutAddress", "Payments:CheckoutAddress") is { } checkoutText && !EthAddress.TryParse(checkoutText, out checkout))
            return (null, $"--checkout: \"{checkoutText}\" is not a 0x address of 20 bytes");
        if (checkout == EthAddress.Zero)
            checkout = null;
        if (!TrySeconds(values, "--slack", 60, out var slack))
            return (null, $"--slack: \"{values["--slack"]}\" is not a number of seconds >= 0");
        if (!TrySeconds(values, "--timeout", 30, out var timeout) || timeout == TimeSpan.Zero)
            return (null, $"--timeout: \"{values["--timeout"]}\" is not a number of seconds > 0");
        return (new ReconcileSettings(provider, connection, string.IsNullOrWhiteSpace(kafka) ? null : kafka, rpc, checkout, json, slack, timeout), null);
    }

    private static bool TrySeconds(Dictionary<string, string> values, string option, int fallback, out TimeSpan value)
    {
        value = TimeSpan.FromSeconds(fallback);
        if (!values.TryGetValue(option, out var text))
            return true;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds < 0 || double.IsInfinity(seconds))
            return false;
        value = TimeSpan.FromSeconds(seconds);
        return true;
    }
}
