using System.Text.Json;
using Commerce.Conversation.Recognition;

namespace Commerce.Conversation.Clu;

/// <summary>
/// Reads a Conversation task result: <c>{"kind":"ConversationResult","result":{"query":..,"prediction":{"projectKind":
/// "Conversation","topIntent":..,"intents":[{category,confidenceScore}],"entities":[{category,text,offset,length,
/// confidenceScore,extraInformation?}]}}}</c>. Anything else is a <see cref="CluResponseException"/> naming the part.
/// </summary>
public static class CluResponseReader
{
    public static ConversationPrediction Read(ReadOnlySpan<byte> body, string text)
    {
        try
        {
            using var document = JsonDocument.Parse(body.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("kind", out var kind) || kind.GetString() != "ConversationResult")
                throw new CluResponseException("the answer is not a ConversationResult (kind)");
            var prediction = Required(Required(root, "result"), "prediction");
            if (prediction.TryGetProperty("projectKind", out var projectKind) && projectKind.GetString() != "Conversation")
                throw new CluResponseException($"prediction.projectKind is {projectKind.GetString()}, not Conversation");
            var top = Required(prediction, "topIntent").GetString() ?? throw new CluResponseException("prediction.topIntent is null");
            var intents = Array(prediction, "intents").Select(i => new ConversationIntent(
                    Required(i, "category").GetString() ?? throw new CluResponseException("an intent's category is null"),
                    Score(i)))
                .OrderByDescending(i => i.Confidence).ToArray();
            var entities = Array(prediction, "entities").Select(e => Entity(e, text)).ToArray();
            return new ConversationPrediction(top, intents, entities);
        }
        catch (JsonException e)
        {
            throw new CluResponseException($"the answer is not JSON: {e.Message}", e);
        }
        catch (InvalidOperationException e)
        {
            throw new CluResponseException($"the answer has a value of the wrong type: {e.Message}", e);
        }
    }

    private static ConversationEntity Entity(JsonElement e, string text)
    {
        var offset = Required(e, "offset").GetInt32();
        var length = Required(e, "length").GetInt32();
        if (offset < 0 || length < 0 || offset + length > text.Length)
            throw new CluResponseException($"an entity's span {offset}+{length} lies outside the {text.Length} UTF-16 code units of the text");
        string? key = null;
        if (e.TryGetProperty("extraInformation", out var extra) && extra.ValueKind == JsonValueKind.Array)
        {
            key = extra.EnumerateArray()
                .Where(x => x.TryGetProperty("extraInformationKind", out var k) && k.GetString() == "ListKey" && x.TryGetProperty("key", out _))
                .Select(x => x.GetProperty("key").GetString()).FirstOrDefault();
        }

        return new ConversationEntity(
            Required(e, "category").GetString() ?? throw new CluResponseException("an entity's category is null"),
            Required(e, "text").GetString() ?? "", offset, length, Score(e), key);
    }

    private static double Score(JsonElement element)
    {
        var score = Required(element, "confidenceScore").GetDouble();
        return score is >= 0 and <= 1 ? score : throw new CluResponseException($"a confidenceScore of {score} is outside 0..1");
    }

    private static JsonElement Required(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : throw new CluResponseException($"the answer has no {name}");

    private static IEnumerable<JsonElement> Array(JsonElement element, string name)
    {
        var array = Required(element, name);
        return array.ValueKind == JsonValueKind.Array ? array.EnumerateArray().ToArray() : throw new CluResponseException($"{name} is not an array");
    }
}
