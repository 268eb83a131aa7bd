using System.Text.Json;
using Commerce.Events.Items;
using Commerce.Events.Topics;
using Commerce.Messaging.Producing;
using Microsoft.Extensions.Options;

namespace Commerce.Host.Catalog;

/// <summary>Lists the items of the seed catalog file on start (ItemListed events on the item topic).</summary>
public sealed partial class CatalogSeeder(IOptions<CatalogOptions> options, EventProducer producer, ILogger<CatalogSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var path = options.Value.SeedFile;
        if (string.IsNullOrWhiteSpace(path))
            return;
        if (!File.Exists(path))
            throw new FileNotFoundException($"Catalog:SeedFile names {path}, which does not exist", path);
        CatalogFile catalog;
        await using (var file = File.OpenRead(path))
            catalog = await JsonSerializer.DeserializeAsync(file, CatalogJsonContext.Default.CatalogFile, cancellationToken)
                ?? throw new InvalidDataException($"{path} is empty");
        var listed = 0;
        foreach (var collection in catalog.Collections)
        {
            foreach (var item in collection.Items)
            {
                var itemId = $"{collection.Name}:{item.TokenId}";
                await producer.PublishAsync(TopicCatalog.ItemEvents, itemId,
                    new ItemListed(itemId, collection.Name, item.TokenId, item.Rarity, item.Edition, item.Supply, item.ListPrice, collection.Currency, null),
                    ct: cancellationToken);
                listed++;
            }
        }
        LogSeeded(listed, path);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Listed {Count} items from {Path}")]
    private partial void LogSeeded(int count, string path);
}
