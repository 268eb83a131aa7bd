namespace Commerce.Chain.Tests.Crypto;

/// <summary>Tests that measure time: run alone, after the parallel ones, so they do not compete with other tests for the CPU.</summary>
[CollectionDefinition(nameof(TimingSensitive), DisableParallelization = true)]
public sealed class TimingSensitive;
