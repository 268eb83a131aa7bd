namespace Commerce.Conversation.Clu;

/// <summary>The live recognizer: an Azure AI Language resource and a deployed CLU project (<c>Chat:Clu:*</c>).</summary>
public sealed class CluOptions
{
    /// <summary>The resource's endpoint, e.g. https://NAME.cognitiveservices.azure.com.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The resource key, sent as Ocp-Apim-Subscription-Key.</summary>
    public string Key { get; set; } = "";

    public string ProjectName { get; set; } = "";

    public string DeploymentName { get; set; } = "";

    public string ApiVersion { get; set; } = "2023-04-01";

    /// <summary>How long one attempt may take before it is abandoned (and retried).</summary>
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Retries of a 408, 429 (after its Retry-After), 5xx or timed-out attempt.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>The first retry's delay when the service names none (exponential after it).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    public IEnumerable<string> Validate()
    {
        if (Endpoint is null || !Endpoint.IsAbsoluteUri || Endpoint.Scheme is not ("https" or "http"))
            yield return "Chat:Clu:Endpoint must be an absolute http(s) URL";
        if (string.IsNullOrWhiteSpace(Key))
            yield return "Chat:Clu:Key is required";
        if (string.IsNullOrWhiteSpace(ProjectName))
            yield return "Chat:Clu:ProjectName is required";
        if (string.IsNullOrWhiteSpace(DeploymentName))
            yield return "Chat:Clu:DeploymentName is required";
        if (NetworkTimeout <= TimeSpan.Zero)
            yield return "Chat:Clu:NetworkTimeout must be positive";
        if (MaxRetries is < 0 or > 10)
            yield return "Chat:Clu:MaxRetries must be 0..10";
    }
}
