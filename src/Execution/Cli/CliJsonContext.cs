using System.Text.Json.Serialization;
using Commerce.Execution.Nonces;

namespace Commerce.Execution.Cli;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(NonceState))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
