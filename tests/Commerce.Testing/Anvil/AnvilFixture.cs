using Xunit;
using Commerce.Chain.Crypto;
using Commerce.Chain.JsonRpc;
using Commerce.Chain.Node;

namespace Commerce.Testing.Anvil;

/// <summary>
/// A real Anvil node on a free port, shared by the test projects that need a chain: the production
/// <see cref="AnvilNode"/> (the binary found through COMMERCE_ANVIL, else $COMMERCE_CACHE_DIR/anvil, else
/// ~/.cache/commerce/anvil, where scripts/install-deps.sh puts it). Killed on dispose.
/// </summary>
public sealed class AnvilFixture : IAsyncLifetime
{
    public const ulong ChainId = AnvilNode.ChainId;

    /// <summary>The first dev accounts of the mnemonic "test test ... junk" (funded by Anvil).</summary>
    public static readonly EthPrivateKey[] DevKeys =
    [
        EthPrivateKey.FromHex("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"),
        EthPrivateKey.FromHex("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d"),
        EthPrivateKey.FromHex("0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a"),
    ];

    private AnvilNode? _node;

    /// <summary>Extra Anvil arguments (e.g. "--block-time", "1"); none by default: a block per transaction.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    public Uri Endpoint { get; private set; } = null!;

    public HttpClient Http { get; } = new();

    public JsonRpcClient Rpc { get; private set; } = null!;

    public EthClient Eth { get; private set; } = null!;

    public AnvilClient Anvil { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _node = await AnvilNode.StartAsync(AnvilNode.FindBinary(), Arguments);
        Endpoint = _node.Endpoint;
        Rpc = new JsonRpcClient(Http, new JsonRpcClientOptions { Endpoint = Endpoint, MaxRetries = 2, BaseDelay = TimeSpan.FromMilliseconds(50) });
        Eth = new EthClient(Rpc);
        Anvil = new AnvilClient(Rpc);
    }

    public async Task DisposeAsync()
    {
        if (_node is not null)
            await _node.DisposeAsync();
        Http.Dispose();
    }
}
