using Commerce.Marketing.Rules;

namespace Commerce.Host.Marketing;

/// <summary>A rule checked: valid, or its errors with positions; with <see cref="Matching"/> of <see cref="Players"/> now when asked.</summary>
public sealed record RuleCheckView(bool Valid, IReadOnlyList<RuleError> Errors, int? Matching, int? Players, IReadOnlyList<string>? Sample);
