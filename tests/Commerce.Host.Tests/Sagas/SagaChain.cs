using System.Numerics;
using Commerce.Chain.Contracts;
using Commerce.Chain.Crypto;
using Commerce.Chain.Hex;
using Commerce.Chain.JsonRpc;
using Commerce.Testing.Anvil;

namespace Commerce.Host.Tests.Sagas;

/// <summary>
/// A real Anvil node mining a block every second, with the platform's contracts deployed as the dev chain does:
/// a GameItem for the "dragons" collection (the Checkout may mint), and a Checkout whose quote signer is
/// <see cref="QuoteKey"/> and whose hot wallet (<see cref="HotWallet"/>, dev key 1) holds OPERATOR_ROLE.
/// </summary>
public sealed class SagaChain : IAsyncLifetime
{
    public const ulong InstallmentIntervalSeconds = 12;

    public AnvilFixture Anvil { get; } = new();

    public EthPrivateKey Deployer => AnvilFixture.DevKeys[0];

    public EthPrivateKey HotWallet => AnvilFixture.DevKeys[1];

    public EthPrivateKey QuoteKey { get; } = EthPrivateKey.Generate();

    public GameItemContract Dragons { get; private set; } = null!;

    public CheckoutContract Checkout { get; private set; } = null!;

    public ulong DeployedAt { get; private set; }

    public EthClient Eth => Anvil.Eth;

    public async Task InitializeAsync()
    {
        await Anvil.InitializeAsync();
        var admin = Sender(Deployer);
        Dragons = await GameItemContract.DeployAsync(admin, Eth, "Dragons", "DRG", "https://items.example/dragons/", Deployer.Address);
        Checkout = await CheckoutContract.DeployAsync(admin, Eth, Deployer.Address, QuoteKey.Address, InstallmentIntervalSeconds);
        await Dragons.GrantRoleAsync(admin, ContractRoles.Minter, Checkout.Address);
        await Checkout.GrantRoleAsync(admin, ContractRoles.Operator, HotWallet.Address);
        DeployedAt = await Eth.GetBlockNumberAsync();
        // From here on a block every second, as the demo's dev chain runs: deadlines and confirmations move with the clock.
        await Anvil.Anvil.SetIntervalMiningAsync(1);
    }

    /// <summary>The platform's settings for this chain (section:key), the executor and the Checkout watcher on.</summary>
    public Dictionary<string, string> PlatformSettings() => new()
    {
        ["Pricing:Enabled"] = "false",
        ["Pricing:QuoteKey"] = HexString.Encode(QuoteKey.ExportBytes()),
        ["Pricing:CheckoutAddress"] = Checkout.Address.ToString(),
        ["Pricing:ChainId"] = AnvilFixture.ChainId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Pricing:Collections:dragons:Contract"] = Dragons.Address.ToString(),
        ["Execution:Enabled"] = "true",
        ["Execution:RpcUrl"] = Anvil.Endpoint.ToString(),
        ["Execution:ConfirmationDepth"] = "2",
        ["Execution:PollInterval"] = "00:00:00.2",
        ["Execution:HotWallet:PrivateKey"] = HexString.Encode(HotWallet.ExportBytes()),
        ["Payments:Enabled"] = "true",
        ["Payments:CheckoutAddress"] = Checkout.Address.ToString(),
        ["Payments:RpcUrl"] = Anvil.Endpoint.ToString(),
        ["Payments:Confirmations"] = "2",
        ["Payments:PollInterval"] = "00:00:00.2",
        ["Payments:StartBlock"] = DeployedAt.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Orders:CheckoutAddress"] = Checkout.Address.ToString(),
        ["Orders:DefaultGrace"] = "00:00:01",
        ["Orders:CommandKey"] = Convert.ToBase64String(Keccak256.HashUtf8("saga-orders-command-key")),
        ["Custody:DepositKey"] = Convert.ToBase64String(Keccak256.HashUtf8("saga-deposit-watcher-key")),
    };

    /// <summary>A new player wallet with 100 ETH.</summary>
    public async Task<EthPrivateKey> NewWalletAsync()
    {
        var key = EthPrivateKey.Generate();
        await Anvil.Anvil.SetBalanceAsync(key.Address, BigInteger.Pow(10, 20));
        return key;
    }

    public SigningContractSender Sender(EthPrivateKey key) =>
        new(Eth, key, AnvilFixture.ChainId) { ReceiptPollInterval = TimeSpan.FromMilliseconds(100) };

    /// <summary>A quote for dragons:<paramref name="tokenId"/> to <paramref name="buyer"/> in ETH, signed by the platform's quote key.</summary>
    public (CheckoutQuote Quote, byte[] Signature) Quote(EthAddress buyer, BigInteger tokenId, BigInteger price, ushort installments = 1)
    {
        var quote = new CheckoutQuote
        {
            Collection = Dragons.Address,
            TokenId = tokenId,
            Buyer = buyer,
            Currency = EthAddress.Zero,
            Price = price,
            Installments = installments,
            Expiry = (ulong)DateTimeOffset.UtcNow.AddMinutes(10).ToUnixTimeSeconds(),
            Nonce = CheckoutQuote.NewNonce(),
        };
        return (quote, quote.Sign(QuoteKey, AnvilFixture.ChainId, Checkout.Address).ToBytes());
    }

    /// <summary>How many times <paramref name="tokenId"/> was minted (ERC-721 Transfer from the zero address).</summary>
    public async Task<int> MintsOfAsync(BigInteger tokenId)
    {
        var logs = await Eth.GetLogsAsync(new LogFilter { FromBlock = DeployedAt, ToBlock = BlockTag.Latest, Addresses = [Dragons.Address] });
        return Dragons.DecodeTransfers(logs).Count(t => t.TokenId == tokenId && t.From == EthAddress.Zero);
    }

    /// <summary>The Checkout's logs about <paramref name="orderId"/>.</summary>
    public async Task<IReadOnlyList<CheckoutEvent>> CheckoutEventsOfAsync(string orderId)
    {
        var logs = await Eth.GetLogsAsync(new LogFilter
        {
            FromBlock = DeployedAt, ToBlock = BlockTag.Latest, Addresses = [Checkout.Address],
            Topics = [null, [HexString.Decode(orderId, "orderId")]],
        });
        return Checkout.DecodeEvents(logs);
    }

    public Task DisposeAsync() => Anvil.DisposeAsync();
}
