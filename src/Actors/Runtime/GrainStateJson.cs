using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Commerce.Actors.Runtime;

/// <summary>
/// A source-generated JSON context holding the state records of grains defined outside this assembly (the campaigns
/// of Commerce.Marketing); registered as a service, the grain storage reads and writes those states through it.
/// </summary>
public sealed record GrainStateJson(JsonSerializerContext Context)
{
    public JsonTypeInfo? Find(Type type) => Context.GetTypeInfo(type);
}
