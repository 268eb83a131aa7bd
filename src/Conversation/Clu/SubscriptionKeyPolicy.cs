using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Commerce.Conversation.Clu;

/// <summary>
/// Puts the resource key in Ocp-Apim-Subscription-Key on every attempt (Azure.Core keeps its own key policy internal).
/// The key is read from the <see cref="AzureKeyCredential"/> each time, so <c>Update</c> rotates it without a new client.
/// </summary>
public sealed class SubscriptionKeyPolicy(AzureKeyCredential credential) : HttpPipelineSynchronousPolicy
{
    public const string HeaderName = "Ocp-Apim-Subscription-Key";

    public override void OnSendingRequest(HttpMessage message) => message.Request.Headers.SetValue(HeaderName, credential.Key);
}
