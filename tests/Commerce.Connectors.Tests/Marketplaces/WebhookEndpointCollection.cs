using Commerce.Connectors.Tests.Support;

namespace Commerce.Connectors.Tests.Marketplaces;

/// <summary>The endpoint tests share one server and one broker, and run one at a time so topic watermarks are theirs alone.</summary>
[CollectionDefinition(Name)]
public sealed class WebhookEndpointCollection : ICollectionFixture<WebhookEndpointFixture>
{
    public const string Name = "marketplace webhook endpoint";
}
