using System.Text.Json.Serialization;
using Commerce.Marketing.Recipients;
using Commerce.Marketing.Rules;

namespace Commerce.Host.Marketing;

[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(CampaignRequest))]
[JsonSerializable(typeof(RuleRequest))]
[JsonSerializable(typeof(RetryRequest))]
[JsonSerializable(typeof(RuleCheckView))]
[JsonSerializable(typeof(CampaignView))]
[JsonSerializable(typeof(IReadOnlyList<CampaignView>))]
[JsonSerializable(typeof(IReadOnlyList<RecipientState>))]
[JsonSerializable(typeof(IReadOnlyList<RuleVariable>))]
public sealed partial class MarketingApiJsonContext : JsonSerializerContext;
