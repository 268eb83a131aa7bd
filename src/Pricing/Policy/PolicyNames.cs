namespace Commerce.Pricing.Policy;

/// <summary>How enum members are spelled in policy JSON (camelCase: "askPrice", "legendary").</summary>
internal static class PolicyNames
{
    public static string Json(string enumName) => char.ToLowerInvariant(enumName[0]) + enumName[1..];
}
