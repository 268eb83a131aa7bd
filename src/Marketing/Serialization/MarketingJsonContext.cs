using System.Text.Json.Serialization;
using Commerce.Marketing.Campaigns;
using Commerce.Marketing.Recipients;

namespace Commerce.Marketing.Serialization;

/// <summary>The campaign grains' stored states (registered with the grain storage as a GrainStateJson).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(CampaignState))]
[JsonSerializable(typeof(RecipientState))]
public sealed partial class MarketingJsonContext : JsonSerializerContext;
