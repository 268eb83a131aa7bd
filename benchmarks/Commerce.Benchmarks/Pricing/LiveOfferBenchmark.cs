using System.Globalization;
using System.Numerics;
using BenchmarkDotNet.Attributes;
using Commerce.Chain.Crypto;
using Commerce.Events.Envelope;
using Commerce.Events.Items;
using Commerce.Events.Offers;
using Commerce.Events.Player;
using Commerce.Events.Topics;
using Commerce.Pricing.Live;
using Commerce.Pricing.Policy;
using Commerce.Pricing.Signing;

namespace Commerce.Benchmarks.Pricing;

/// <summary>
/// Live pricing's own work for one interest from a new player, in memory, as <c>./run bench pricing</c> drives it (the
/// seven dragons items of that benchmark): the engine applies the interest and makes the offer (under its lock), the
/// offer's quotes are signed, and the OfferMade envelope is serialized once. No Kafka, no grains.
/// Run: ./run bench --filter '*LiveOffer*'.
/// </summary>
[MemoryDiagnoser]
public class LiveOfferBenchmark
{
    private static readonly string[] Items = ["dragons:1", "dragons:2", "dragons:4", "dragons:5", "dragons:7", "dragons:8", "dragons:10"];
    private LivePricingEngine _engine = null!;
    private Eip712QuoteSigner _signer = null!;
    private DateTimeOffset _at;
    private int _player;

    [GlobalSetup]
    public void Setup()
    {
        _engine = new LivePricingEngine(PolicyLoader.LoadDefault(), TimeSpan.FromSeconds(5));
        _signer = new Eip712QuoteSigner(EthPrivateKey.FromBytes(Keccak256.HashUtf8("benchmark quote key")),
            new QuoteDomain(31337, EthAddress.Parse("0x5FbDB2315678afecb367f032d93F642f64180aa3"),
                new Dictionary<string, EthAddress> { ["dragons"] = EthAddress.Parse("0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512") },
                new Dictionary<string, EthAddress>()));
        _at = DateTimeOffset.UtcNow;
        foreach (var (tokenId, rarity, supply) in new[] { ("1", "legendary", 1), ("2", "legendary", 1), ("4", "epic", 10), ("5", "epic", 10), ("7", "rare", 100), ("8", "rare", 100), ("10", "common", 1000) })
            _engine.Apply(EventEnvelope.Create($"dragons:{tokenId}", new ItemListed($"dragons:{tokenId}", "dragons", tokenId, rarity, 1, supply, 0.1m, "ETH", null), _at));
    }

    private EventEnvelope NextInterest()
    {
        var i = _player++;
        var player = "0x" + i.ToString("x40", CultureInfo.InvariantCulture);
        _at = _at.AddTicks(TimeSpan.TicksPerMillisecond / 5);
        return EventEnvelope.Create(player, new InterestShown(player, Items[i % Items.Length], 5, "bench"), _at);
    }

    [Benchmark(Baseline = true)]
    public object? Offer() => _engine.Apply(NextInterest());

    [Benchmark]
    public OfferMade? OfferSigned() => _engine.Apply(NextInterest()) is { } offer ? OfferEvents.Sign(offer, _signer) : null;

    [Benchmark]
    public byte[]? OfferSignedAndSerialized() =>
        _engine.Apply(NextInterest()) is { } offer && OfferEvents.Sign(offer, _signer) is { } made
            ? EnvelopeSerializer.Serialize(EventEnvelope.Create(made.PlayerId, made, _at))
            : null;
}
