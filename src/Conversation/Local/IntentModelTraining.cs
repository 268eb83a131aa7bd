using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Commerce.Conversation.Local;

/// <summary>Trains the local intent model at start (about a second here), so the first question does not wait for it.</summary>
public sealed partial class IntentModelTraining(Lazy<IntentModel> model, ILogger<IntentModelTraining> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var trained = model.Value;
        LogTrained(trained.Examples, trained.Labels.Count, trained.TrainingTime.TotalMilliseconds);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Chat: intent model trained on {Examples} utterances, {Intents} intents, in {Milliseconds:0} ms")]
    private partial void LogTrained(int examples, int intents, double milliseconds);
}
