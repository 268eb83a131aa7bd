using System.Text.Json.Serialization;

namespace Commerce.Host.Operators;

[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(OrderSearchPage))]
[JsonSerializable(typeof(PolicyVersionList))]
[JsonSerializable(typeof(PolicyDocument))]
[JsonSerializable(typeof(PolicyVersion))]
[JsonSerializable(typeof(PublishPolicyRequest))]
[JsonSerializable(typeof(RollbackPolicyRequest))]
public sealed partial class OperatorsJsonContext : JsonSerializerContext;
