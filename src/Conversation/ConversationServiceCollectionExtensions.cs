using Commerce.Conversation.Answering;
using Commerce.Conversation.Catalog;
using Commerce.Conversation.Clu;
using Commerce.Conversation.Local;
using Commerce.Conversation.Recognition;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Commerce.Conversation;

public static class ConversationServiceCollectionExtensions
{
    /// <summary>
    /// The chat (<c>Chat:*</c>): the catalog vocabulary fed from the item listings, the local model (trained at start),
    /// CLU when configured, the facts read from the grains and <see cref="ChatService"/>. Needs the grain platform and
    /// the event producer registered.
    /// </summary>
    public static IServiceCollection AddChat(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Chat").Get<ChatOptions>() ?? new ChatOptions();
        var problems = options.Validate().ToList();
        if (problems.Count > 0)
            throw new InvalidOperationException("Chat configuration: " + string.Join("; ", problems));
        services.AddSingleton(options);
        services.AddSingleton(new CatalogVocabulary());
        services.AddHostedService<CatalogVocabularyFeed>();
        services.AddSingleton(new Lazy<IntentModel>(() => IntentModel.Train(UtteranceSet.Training())));
        services.AddHostedService<IntentModelTraining>();
        services.AddSingleton(sp => new LocalConversationAnalyzer(sp.GetRequiredService<Lazy<IntentModel>>().Value,
            new EntityExtractor(sp.GetRequiredService<CatalogVocabulary>()), options.Local));
        services.AddSingleton<IConversationAnalyzer>(sp => options.Recognizer == ChatRecognizer.Clu
            ? new FallbackConversationAnalyzer(new CluConversationAnalyzer(options.Clu), sp.GetRequiredService<LocalConversationAnalyzer>(),
                sp.GetRequiredService<ILogger<FallbackConversationAnalyzer>>())
            : sp.GetRequiredService<LocalConversationAnalyzer>());
        services.AddSingleton<IChatFactsSource, GrainChatFactsSource>();
        services.AddSingleton<ChatService>();
        return services;
    }
}
