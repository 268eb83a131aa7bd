using System.Text.Json.Serialization;

namespace Commerce.Host.Custody;

[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(BalanceResponse))]
[JsonSerializable(typeof(WithdrawalView))]
[JsonSerializable(typeof(IReadOnlyList<WithdrawalView>))]
internal sealed partial class CustodyJsonContext : JsonSerializerContext;
