using System.Text.Json.Serialization;

namespace Commerce.Host.Operators;

[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(OrderSearchPage))]
[JsonSerializable(typeof(PolicyVersionList))]
[JsonSerializable(typeof(PolicyDocument))]
[JsonSerializable(typeof(PolicyVersion))]
[JsonSerializable(typeof(PublishPolicyRequest))]
[JsonSerializable(typeof(RollbackPolicyRequest))]
[JsonSerializable(typeof(RefundOrderRequest))]
[JsonSerializable(typeof(OrderRefundView))]
[JsonSerializable(typeof(DelistItemRequest))]
[JsonSerializable(typeof(EditItemRequest))]
[JsonSerializable(typeof(ItemChangeView))]
public sealed partial class OperatorsJsonContext : JsonSerializerContext;
