using Commerce.Actors.Auctions;
using Commerce.Actors.Tests.Harness;
using Commerce.Chain.Crypto;
using Commerce.Pricing.Signing;
using Microsoft.Extensions.DependencyInjection;

namespace Commerce.Actors.Tests.Auctions;

/// <summary>A grain cluster whose item grains sign auction quotes with pricing's EIP-712 signer and a key of the test's.</summary>
public sealed class AuctionClusterFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset T0 = GrainClusterFixture.T0;

    private GrainCluster? _cluster;

    public EthPrivateKey QuoteKey { get; } = EthPrivateKey.Generate();

    public Eip712QuoteSigner Signer => new(QuoteKey, new QuoteDomain(31337, EthAddress.Parse("0x00000000000000000000000000000000000c4ec0"),
        new Dictionary<string, EthAddress> { ["dragons"] = EthAddress.Parse("0x0000000000000000000000000000000000d7a60e") },
        new Dictionary<string, EthAddress>()));

    public GrainCluster Cluster => _cluster ?? throw new InvalidOperationException("the cluster is not started");

    public async Task InitializeAsync()
    {
        var signer = Signer;
        _cluster = await GrainCluster.StartAsync(T0, services: s => s.AddSingleton<IAuctionQuoteSigner>(new Eip712AuctionQuoteSigner(signer)));
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
            await _cluster.DisposeAsync();
    }
}
