using Dealix.Orchestrations.Classification;
using Dealix.Orchestrations.Common.Text;
using Dealix.Orchestrations.Support.Contracts;

namespace Dealix.Orchestrations.Support.Rules;

/// <summary>
/// Gives a support ticket its priority (DOMAIN.md §11.2) in layers: (1) the P0 keyword rules, a hard floor
/// nothing can lower; (2) the learned classifier raising a ticket to P0 at a low bar (over-escalating is safe);
/// (3) the P1/P2 keyword rules, so every match the document's rules produce is kept; (4) the learned classifier
/// for what no rule recognised, when confident; (5) P3. An empty subject and body is rejected as
/// <c>empty_input</c>. Pure: no I/O, no clock.
/// </summary>
public sealed class TicketClassifier
{
    /// <summary>The model's P0 probability at or above which a ticket is raised to P0.</summary>
    public const double P0Threshold = 0.30;

    /// <summary>Below this probability the model's label is not used for a ticket no keyword rule recognised.</summary>
    public const double ConfidenceThreshold = 0.5;

    private static readonly Lazy<TicketClassifier> Trained = new(() => new TicketClassifier(
        ModelArtefacts.LoadOrTrain(LabelledCorpus.TicketsTrain, ModelArtefacts.TicketsModel)));

    private readonly TextClassifierModel? _model;
    private readonly TicketRules _rules;

    /// <summary>Creates a classifier over a trained model; without one, only the keyword rules run.</summary>
    public TicketClassifier(TextClassifierModel? model, TicketRules? rules = null)
    {
        _model = model;
        _rules = rules ?? TicketRules.Default;
    }

    /// <summary>The classifier over the model trained (once, deterministically) from the embedded ticket corpus.</summary>
    public static TicketClassifier Default => Trained.Value;

    /// <summary>The model version (training data SHA-256 and options), or null when rules only.</summary>
    public string? ModelVersion => _model?.Version;

    /// <summary>Classifies a ticket from its subject and body (either may be null).</summary>
    public TicketClassification Classify(string? subject, string? body)
    {
        string text = string.IsNullOrWhiteSpace(subject) ? body ?? string.Empty
            : string.IsNullOrWhiteSpace(body) ? subject : subject + "\n" + body;
        if (string.IsNullOrWhiteSpace(text))
        {
            return new TicketClassification(TicketPriority.P3, [], "Subject and body are both empty.", "rejected", 0,
                TicketClassification.EmptyInput);
        }

        TokenizedText analysed = Tokenizer.Analyze(text);
        (TicketPriority rulePriority, IReadOnlyList<string> matched) = _rules.Match(analysed);
        if (rulePriority == TicketPriority.P0)
        {
            return new TicketClassification(TicketPriority.P0, matched, "P0 keyword rule (hard floor).", "rules", 1.0);
        }

        if (_model is not null)
        {
            TextPrediction prediction = _model.Predict(text);
            double p0 = prediction.ScoreOf(nameof(TicketPriority.P0));
            if (p0 >= P0Threshold)
            {
                return new TicketClassification(TicketPriority.P0, matched, "The model reads a security, leak, unapproved send or charge issue.",
                    "model", p0);
            }

            if (rulePriority == TicketPriority.P3 && prediction.Confidence >= ConfidenceThreshold
                && Enum.TryParse(prediction.Label, out TicketPriority learned))
            {
                return new TicketClassification(learned, matched, $"The model reads a {learned} ticket.", "model", prediction.Confidence);
            }
        }

        return rulePriority == TicketPriority.P3
            ? new TicketClassification(TicketPriority.P3, [], "No rule matched: default priority.", "fallback", 0)
            : new TicketClassification(rulePriority, matched, $"{rulePriority} keyword rule.", "rules", 1.0);
    }
}
