namespace Commerce.Sdk.Tests.Support;

/// <summary>An HTTP request the test server received; Path is the raw request target, as sent.</summary>
public sealed record RecordedRequest(string Method, string Path, string? Authorization, string Body);
