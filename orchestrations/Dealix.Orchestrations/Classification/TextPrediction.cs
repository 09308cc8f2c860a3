namespace Dealix.Orchestrations.Classification;

/// <summary>What a learned classifier says about one text: its best label, that label's probability, and all scores.</summary>
public sealed record TextPrediction(string Label, double Confidence, IReadOnlyDictionary<string, double> Scores)
{
    /// <summary>The probability the model gives <paramref name="label"/> (0 when unknown).</summary>
    public double ScoreOf(string label) => Scores.TryGetValue(label, out double score) ? score : 0;
}
