using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Commerce.Conversation.Recognition;

namespace Commerce.Conversation.Clu;

/// <summary>
/// Azure AI Language conversational language understanding over Azure.Core's HTTP pipeline (the card's
/// Azure.AI.Language.Conversations package is not served here): <c>POST {endpoint}/language/:analyze-conversations
/// ?api-version=2023-04-01</c> with the key in Ocp-Apim-Subscription-Key. The pipeline retries 408, 429 (after its
/// Retry-After), 5xx and timed-out attempts; what still fails is a <see cref="RequestFailedException"/> (status and the
/// service's error code; status 0 when it could not be reached), every attempt timed out a <see cref="TimeoutException"/>,
/// a malformed answer a <see cref="CluResponseException"/>.
/// </summary>
public sealed class CluConversationAnalyzer : IConversationAnalyzer
{
    private readonly HttpPipeline _pipeline;
    private readonly CluOptions _options;
    private readonly Uri _uri;

    public CluConversationAnalyzer(CluOptions options, HttpPipelineTransport? transport = null)
    {
        var problems = options.Validate().ToList();
        if (problems.Count > 0)
            throw new ArgumentException(string.Join("; ", problems), nameof(options));
        _options = options;
        var clientOptions = new CluClientOptions(options);
        if (transport is not null)
            clientOptions.Transport = transport;
        _pipeline = HttpPipelineBuilder.Build(clientOptions,
            [new SubscriptionKeyPolicy(new AzureKeyCredential(options.Key))],
            [], new ResponseClassifier());
        var endpoint = options.Endpoint!.AbsoluteUri.TrimEnd('/');
        _uri = new Uri($"{endpoint}/language/:analyze-conversations?api-version={Uri.EscapeDataString(options.ApiVersion)}");
    }

    public async Task<ConversationPrediction> AnalyzeConversationAsync(ConversationItem item, CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage();
        var request = message.Request;
        request.Method = RequestMethod.Post;
        request.Uri.Reset(_uri);
        request.Headers.Add(HttpHeader.Common.JsonContentType);
        request.Headers.Add(HttpHeader.Common.JsonAccept);
        request.Content = RequestContent.Create(CluRequestWriter.Write(item, _options));
        try
        {
            await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (AggregateException e) when (!cancellationToken.IsCancellationRequested)
        {
            // Azure.Core's retry policy gives up with every attempt's exception: timeouts, or transport failures.
            if (e.InnerExceptions.All(i => i is OperationCanceledException))
                throw new TimeoutException($"CLU did not answer within {_options.NetworkTimeout} in {e.InnerExceptions.Count} attempt(s)", e);
            throw new RequestFailedException($"CLU could not be reached in {e.InnerExceptions.Count} attempt(s): {e.InnerExceptions[^1].Message}", e);
        }

        var response = message.Response;
        if (response.IsError)
            throw new RequestFailedException(response);
        return CluResponseReader.Read(response.Content.ToMemory().Span, item.Text);
    }
}
