using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms.Text;

namespace Dealix.Orchestrations.Classification;

/// <summary>
/// A multiclass text classifier (ML.NET): word and character n-gram features over <see cref="FeatureText"/>
/// (normalised and lightly stemmed text), a single-threaded L-BFGS maximum-entropy trainer and a fixed seed, so
/// the same data and options always give the same model. <see cref="Version"/> names the training data by its
/// SHA-256 and the options. Prediction is thread-safe (one engine behind a lock; it is microseconds per call).
/// </summary>
public sealed class TextClassifierModel
{
    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly PredictionEngine<Input, Output> _engine;
    private readonly string[] _labels;
    private readonly Lock _gate = new();

    private TextClassifierModel(MLContext ml, ITransformer model, DataViewSchema schema, string version)
    {
        _ml = ml;
        _model = model;
        Version = version;
        _engine = ml.Model.CreatePredictionEngine<Input, Output>(model, schema);
        VBuffer<ReadOnlyMemory<char>> slotNames = default;
        _engine.OutputSchema["Score"].GetSlotNames(ref slotNames);
        _labels = [.. slotNames.DenseValues().Select(s => s.ToString())];
    }

    /// <summary>"sha256:&lt;training data hash&gt;;&lt;options&gt;".</summary>
    public string Version { get; }

    /// <summary>The labels the model can predict.</summary>
    public IReadOnlyList<string> Labels => _labels;

    /// <summary>Trains a model. <paramref name="dataSha256"/> is the hash of the file the rows came from.</summary>
    public static TextClassifierModel Train(IReadOnlyList<LabelledText> rows, string dataSha256, TextClassifierOptions? options = null)
    {
        options ??= new TextClassifierOptions();
        var ml = new MLContext(seed: options.Seed);
        IDataView data = ml.Data.LoadFromEnumerable(rows.Select(r => new Input { Label = r.Label, Text = FeatureText.For(r.Text) }));
        var pipeline = BuildPipeline(ml, options);
        ITransformer model = pipeline.Fit(data);
        return new TextClassifierModel(ml, model, data.Schema, $"sha256:{dataSha256};{options.Describe()}");
    }

    /// <summary>Loads a model saved by <see cref="Save"/>.</summary>
    public static TextClassifierModel Load(Stream stream, string version, int seed = 20261123)
    {
        var ml = new MLContext(seed: seed);
        ITransformer model = ml.Model.Load(stream, out DataViewSchema schema);
        return new TextClassifierModel(ml, model, schema, version);
    }

    /// <summary>Writes the model artefact (ML.NET zip).</summary>
    public void Save(Stream stream)
    {
        IDataView empty = _ml.Data.LoadFromEnumerable(Array.Empty<Input>());
        _ml.Model.Save(_model, empty.Schema, stream);
    }

    /// <summary>Predicts the label of a raw message.</summary>
    public TextPrediction Predict(string? text)
    {
        var input = new Input { Label = string.Empty, Text = FeatureText.For(text) };
        Output output;
        lock (_gate)
        {
            output = _engine.Predict(input);
        }

        var scores = new Dictionary<string, double>(_labels.Length, StringComparer.Ordinal);
        int best = 0;
        for (int i = 0; i < _labels.Length && i < output.Score.Length; i++)
        {
            scores[_labels[i]] = output.Score[i];
            if (output.Score[i] > output.Score[best])
            {
                best = i;
            }
        }

        return new TextPrediction(_labels[best], output.Score[best], scores);
    }

    private static EstimatorChain<Microsoft.ML.Transforms.KeyToValueMappingTransformer> BuildPipeline(MLContext ml, TextClassifierOptions options)
    {
        var text = new TextFeaturizingEstimator.Options
        {
            CaseMode = TextNormalizingEstimator.CaseMode.None,
            KeepDiacritics = true,
            KeepPunctuations = false,
            KeepNumbers = true,
            StopWordsRemoverOptions = null,
            WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = options.WordNgramLength, UseAllLengths = true },
            CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = options.CharNgramLength, UseAllLengths = true },
            Norm = TextFeaturizingEstimator.NormFunction.L2,
        };
        var trainer = new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            L1Regularization = 0, // ML.NET's default L1 of 1 zeroes nearly every n-gram weight on a corpus this size
            L2Regularization = options.L2Regularization,
            MaximumNumberOfIterations = options.MaximumIterations,
            NumberOfThreads = 1,
        };
        return ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.Transforms.Text.FeaturizeText("Features", text, nameof(Input.Text)))
            .Append(ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(trainer))
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
    }

    private sealed class Input
    {
        public string Label { get; set; } = string.Empty;

        public string Text { get; set; } = string.Empty;
    }

    private sealed class Output
    {
        public string PredictedLabel { get; set; } = string.Empty;

        public float[] Score { get; set; } = [];
    }
}
