namespace Commerce.Sdk.Tests.Platform;

/// <summary>The test classes that share one running platform (starting it takes seconds).</summary>
[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<HostFixture>
{
    public const string Name = "platform";
}
