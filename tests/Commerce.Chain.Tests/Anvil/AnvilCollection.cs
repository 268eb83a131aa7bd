using Commerce.Testing.Anvil;
namespace Commerce.Chain.Tests.Anvil;

/// <summary>Tests that share one Anvil node; they run one after another so nonces and snapshots do not interleave.</summary>
[CollectionDefinition(nameof(AnvilCollection))]
public sealed class AnvilCollection : ICollectionFixture<AnvilFixture>;
