using System.Collections.Concurrent;

namespace Commerce.Conversation.Catalog;

/// <summary>
/// The collection names of the live catalog, which the entity extractor recognizes (plural or singular: "dragons",
/// "dragon"). Fed by <see cref="CatalogVocabularyFeed"/> from the item listings on Kafka; thread-safe.
/// </summary>
public sealed class CatalogVocabulary
{
    private readonly ConcurrentDictionary<string, string> _byWord = new(StringComparer.OrdinalIgnoreCase);

    public CatalogVocabulary(IEnumerable<string>? collections = null)
    {
        foreach (var collection in collections ?? [])
            Add(collection);
    }

    /// <summary>The number of collections known.</summary>
    public int Count => _byWord.Values.Distinct(StringComparer.Ordinal).Count();

    public void Add(string collection)
    {
        if (string.IsNullOrWhiteSpace(collection))
            return;
        _byWord.TryAdd(collection, collection);
        if (collection.Length > 3 && collection.EndsWith('s'))
            _byWord.TryAdd(collection[..^1], collection);
    }

    /// <summary>The collection a word names ("dragon" -> "dragons"), or null.</summary>
    public string? CollectionOf(ReadOnlySpan<char> word) =>
        _byWord.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out var collection) ? collection : null;
}
