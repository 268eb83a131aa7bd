namespace Commerce.Host.Tests.Sagas;

/// <summary>The saga test classes run one after the other: each starts Anvil, Kafka and a platform, and together they would crowd a small machine.</summary>
[CollectionDefinition(Name)]
public sealed class SagaCollection
{
    public const string Name = "sagas";
}
