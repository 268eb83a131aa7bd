using System.Diagnostics;
using Commerce.Conversation.Catalog;
using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Commerce.Conversation.Local;

/// <summary>
/// The local intent classifier: ML.NET text featurization (word uni- and bigrams, character trigrams, normalized) and a
/// maximum-entropy multiclass classifier (SDCA), trained on the shipped utterances after entity normalization. Training is
/// deterministic (fixed seed, one thread). Predicting is thread-safe: ML.NET's prediction engines are not, so they are
/// pooled.
/// </summary>
public sealed class IntentModel
{
    /// <summary>The collections of the shipped utterances, for normalizing them (the live catalog normalizes the questions).</summary>
    public static readonly IReadOnlyList<string> UtteranceCollections = ["dragons", "blades", "skins"];

    private readonly ObjectPool<PredictionEngine<IntentExample, IntentScores>> _engines;

    private IntentModel(MLContext ml, ITransformer model, string[] labels, TimeSpan trainingTime, int examples)
    {
        Labels = labels;
        TrainingTime = trainingTime;
        Examples = examples;
        _engines = new DefaultObjectPool<PredictionEngine<IntentExample, IntentScores>>(new EnginePolicy(ml, model), Environment.ProcessorCount * 4);
    }

    /// <summary>The intents, in the order of <see cref="IntentScores.Score"/>.</summary>
    public IReadOnlyList<string> Labels { get; }

    public TimeSpan TrainingTime { get; }

    public int Examples { get; }

    public static IntentModel Train(IReadOnlyList<LabeledUtterance> utterances)
    {
        var clock = Stopwatch.StartNew();
        var extractor = new EntityExtractor(new CatalogVocabulary(UtteranceCollections));
        var rows = utterances.Select(u => new IntentExample
        {
            Text = UtteranceNormalizer.Normalize(u.Text, extractor.Extract(u.Text)),
            Intent = u.Intent,
        }).ToList();
        var ml = new MLContext(seed: 12);
        var data = ml.Data.LoadFromEnumerable(rows);
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label", nameof(IntentExample.Intent))
            .Append(ml.Transforms.Text.FeaturizeText("Features", new Microsoft.ML.Transforms.Text.TextFeaturizingEstimator.Options
            {
                WordFeatureExtractor = new Microsoft.ML.Transforms.Text.WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true },
                CharFeatureExtractor = new Microsoft.ML.Transforms.Text.WordBagEstimator.Options { NgramLength = 3, UseAllLengths = false },
                Norm = Microsoft.ML.Transforms.Text.TextFeaturizingEstimator.NormFunction.L2,
            }, nameof(IntentExample.Text)))
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new Microsoft.ML.Trainers.SdcaMaximumEntropyMulticlassTrainer.Options
            {
                NumberOfThreads = 1,
                MaximumNumberOfIterations = 100,
            }));
        var model = pipeline.Fit(data);
        var labels = LabelsOf(model.GetOutputSchema(data.Schema));
        return new IntentModel(ml, model, labels, clock.Elapsed, rows.Count);
    }

    /// <summary>One probability per label, for a normalized utterance.</summary>
    public float[] Score(string normalizedText)
    {
        var engine = _engines.Get();
        try
        {
            return engine.Predict(new IntentExample { Text = normalizedText }).Score;
        }
        finally
        {
            _engines.Return(engine);
        }
    }

    private static string[] LabelsOf(DataViewSchema schema)
    {
        VBuffer<ReadOnlyMemory<char>> names = default;
        schema["Score"].GetSlotNames(ref names);
        return names.DenseValues().Select(n => n.ToString()).ToArray();
    }

    private sealed class EnginePolicy(MLContext ml, ITransformer model) : PooledObjectPolicy<PredictionEngine<IntentExample, IntentScores>>
    {
        public override PredictionEngine<IntentExample, IntentScores> Create() => ml.Model.CreatePredictionEngine<IntentExample, IntentScores>(model);

        public override bool Return(PredictionEngine<IntentExample, IntentScores> obj) => true;
    }
}
