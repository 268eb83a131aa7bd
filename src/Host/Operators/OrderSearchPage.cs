namespace Commerce.Host.Operators;

/// <summary>
/// A page of the operators' order search: the matches in order id order, how many stored orders were read for it, and
/// <see cref="Next"/> (pass it as <c>after</c>) while more orders remain to be read; null when the search is complete.
/// </summary>
public sealed record OrderSearchPage(IReadOnlyList<OrderRow> Orders, int Scanned, string? Next);
