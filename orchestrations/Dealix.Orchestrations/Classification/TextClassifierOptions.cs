namespace Dealix.Orchestrations.Classification;

/// <summary>Hyper-parameters of a learned text classifier; part of the model's version.</summary>
public sealed record TextClassifierOptions
{
    /// <summary>The ML.NET seed: same data + options + seed → same model.</summary>
    public int Seed { get; init; } = 20261123;

    /// <summary>Word n-grams up to this length (all shorter lengths included).</summary>
    public int WordNgramLength { get; init; } = 2;

    /// <summary>Character n-grams up to this length (all shorter lengths included).</summary>
    public int CharNgramLength { get; init; } = 4;

    /// <summary>L2 regularisation of the maximum-entropy trainer.</summary>
    public float L2Regularization { get; init; } = 0.01f;

    /// <summary>Maximum training passes.</summary>
    public int MaximumIterations { get; init; } = 50;

    /// <summary>A short, stable description used in the model version.</summary>
    public string Describe() =>
        $"lbfgs-maxent;seed={Seed};word={WordNgramLength};char={CharNgramLength};l2={L2Regularization:0.####};it={MaximumIterations}";
}
