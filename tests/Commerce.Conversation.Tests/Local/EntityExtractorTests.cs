using Commerce.Conversation.Catalog;
using Commerce.Conversation.Local;

namespace Commerce.Conversation.Tests.Local;

public sealed class EntityExtractorTests
{
    private readonly EntityExtractor _extractor = new(new CatalogVocabulary(["dragons", "blades"]));

    [Theory]
    [InlineData("how much is dragons:4", "Item", "dragons:4", "dragons:4")]
    [InlineData("is dragon #7 rare", "Item", "dragon #7", "dragons:7")]
    [InlineData("compare Blade 12 please", "Item", "Blade 12", "blades:12")]
    [InlineData("I like the dragons", "Collection", "dragons", "dragons")]
    [InlineData("would you take 0.5 ETH", "Currency", "ETH", "ETH")]
    [InlineData("how about 30 dollars", "Currency", "dollars", "USDC")]
    [InlineData("would you take 0.5 ETH", "Number", "0.5", "0.5")]
    public void Finds_entities_against_the_catalog(string text, string category, string span, string resolution)
    {
        var entity = Assert.Single(_extractor.Extract(text), e => e.Category == category);
        Assert.Equal(span, text.Substring(entity.Offset, entity.Length));
        Assert.Equal(resolution, entity.Resolution);
    }

    [Fact]
    public void Offsets_count_utf16_code_units()
    {
        const string text = "😀😀 dragons:3?";
        var entity = Assert.Single(_extractor.Extract(text));
        Assert.Equal(5, entity.Offset); // two surrogate pairs and a space
        Assert.Equal("dragons:3", text.Substring(entity.Offset, entity.Length));
    }

    [Fact]
    public void A_word_that_names_no_collection_of_the_catalog_is_no_item()
    {
        Assert.DoesNotContain(_extractor.Extract("how much is sword 4"), e => e.Category == "Item");
        var vocabulary = new CatalogVocabulary(["dragons"]);
        vocabulary.Add("swords");
        Assert.Contains(new EntityExtractor(vocabulary).Extract("how much is sword 4"), e => e.Resolution == "swords:4");
    }

    [Fact]
    public void The_model_reads_entities_as_placeholders()
    {
        const string text = "Would you take 0.5 ETH for dragon #2?";
        Assert.Equal("would you take  _number_   _currency_  for  _item_ ?", UtteranceNormalizer.Normalize(text, _extractor.Extract(text)));
    }
}
