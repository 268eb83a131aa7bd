namespace Commerce.Chain.Tests.Contracts;

/// <summary>Contract tests share one Anvil node of their own (they move its clock forward) and run one after another.</summary>
[CollectionDefinition(nameof(ContractsCollection))]
public sealed class ContractsCollection : ICollectionFixture<ContractsEnvironment>;
