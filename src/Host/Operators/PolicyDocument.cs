using System.Text.Json;

namespace Commerce.Host.Operators;

/// <summary>One stored version with its policy as published (the JSON of src/Pricing's policy format).</summary>
public sealed record PolicyDocument(PolicyVersion Version, JsonElement Policy);
