namespace Commerce.Payments.Tests;

/// <summary>The watcher tests share one Anvil node (they snapshot and revert it) and one Kafka cluster, and run one after another.</summary>
[CollectionDefinition(nameof(PaymentsCollection))]
public sealed class PaymentsCollection : ICollectionFixture<PaymentsEnvironment>;
