using Dealix.Orchestrations.Classification;
using Dealix.Orchestrations.Common.Text;
using Dealix.Orchestrations.Replies.Contracts;

namespace Dealix.Orchestrations.Replies.Rules;

/// <summary>
/// Classifies an inbound reply into one of the 12 categories of DOMAIN.md §9 in layers:
/// (1) the opt-out safety rules (<see cref="OptOutDetector"/>), which nothing can overrule;
/// (2) the learned classifier, which may add an opt-out (at a lower bar than other labels: the safe side)
///     and otherwise answers when its confidence reaches <see cref="ConfidenceThreshold"/>;
/// (3) <c>unclear</c> for a human. The model never reads a mail client's signature line (<see cref="MailSignature"/>). An optional second opinion is merged by <see cref="WithSecondOpinion"/>.
/// Pure: no I/O, no clock; a 1 MB message costs what its first and last few hundred tokens cost the model.
/// </summary>
public sealed class ReplyClassifier
{
    /// <summary>Below this probability the model's label is not used and the reply is <c>unclear</c>.</summary>
    public const double ConfidenceThreshold = 0.30;

    /// <summary>The model's opt-out probability at or above which the reply is treated as an opt-out.</summary>
    public const double OptOutThreshold = 0.30;

    private static readonly Lazy<ReplyClassifier> Trained = new(() => new ReplyClassifier(
        ModelArtefacts.LoadOrTrain(LabelledCorpus.RepliesTrain, ModelArtefacts.RepliesModel)));

    private readonly TextClassifierModel? _model;
    private readonly OptOutDetector _optOut;

    /// <summary>Creates a classifier over a trained model; without one, only the rules run.</summary>
    public ReplyClassifier(TextClassifierModel? model, OptOutDetector? optOut = null)
    {
        _model = model;
        _optOut = optOut ?? OptOutDetector.Default;
    }

    /// <summary>The classifier over the model trained (once, deterministically) from the embedded reply corpus.</summary>
    public static ReplyClassifier Default => Trained.Value;

    /// <summary>The model version (training data SHA-256 and options), or null when rules only.</summary>
    public string? ModelVersion => _model?.Version;

    /// <summary>Classifies one reply. Null, empty or emoji-only text is <c>unclear</c>.</summary>
    public ReplyClassification Classify(string? text)
    {
        TokenizedText analysed = Tokenizer.Analyze(text);
        if (analysed.IsEmpty)
        {
            return Result(ReplyCategory.Unclear, [], analysed.Language, 0, "fallback", null);
        }

        OptOutMatch optOut = _optOut.Detect(analysed);
        if (optOut.IsOptOut)
        {
            return Result(ReplyCategory.Unsubscribe, optOut.MatchedRules, analysed.Language, 1.0, "rules", null);
        }

        if (_model is null)
        {
            return Result(ReplyCategory.Unclear, [], analysed.Language, 0, "fallback", null);
        }

        // The model reads the message without the client's signature line ("Sent from my iPhone"), whose words
        // otherwise look like an opt-out; a message that is nothing but a signature is for a human.
        string modelText = MailSignature.Strip(text);
        if (Tokenizer.Analyze(modelText).IsEmpty)
        {
            return Result(ReplyCategory.Unclear, [], analysed.Language, 0, "fallback", null);
        }

        TextPrediction prediction = _model.Predict(modelText);
        double optOutScore = prediction.ScoreOf("unsubscribe");
        if (optOutScore >= OptOutThreshold)
        {
            return Result(ReplyCategory.Unsubscribe, [], analysed.Language, optOutScore, "model_safety", ReplyCategory.Unsubscribe);
        }

        ReplyCategory suggested = ReplyCategories.TryParse(prediction.Label, out ReplyCategory parsed) ? parsed : ReplyCategory.Unclear;
        return prediction.Confidence >= ConfidenceThreshold
            ? Result(suggested, [], analysed.Language, prediction.Confidence, "model", suggested)
            : Result(ReplyCategory.Unclear, [], analysed.Language, 0, "fallback", suggested);
    }

    /// <summary>
    /// Merges a second opinion (e.g. a language model). It can only move a reply towards the safe side: an
    /// opt-out it reads is taken; an <c>unclear</c> reply records its suggestion for the operator; it never
    /// changes an opt-out or any other category, and never enables an auto-reply.
    /// </summary>
    public static ReplyClassification WithSecondOpinion(ReplyClassification first, ReplyCategory? opinion)
    {
        if (opinion is null || first.Category == ReplyCategory.Unsubscribe)
        {
            return first;
        }

        if (opinion == ReplyCategory.Unsubscribe)
        {
            ReplyClassification optOut = Create(ReplyCategory.Unsubscribe, first.MatchedKeywords, first.Language, 1.0,
                "second_opinion", opinion);
            return optOut with { ModelVersion = first.ModelVersion };
        }

        return first.Category == ReplyCategory.Unclear ? first with { ModelSuggestion = opinion } : first;
    }

    private ReplyClassification Result(ReplyCategory category, IReadOnlyList<string> matched, TextLanguage language,
        double confidence, string source, ReplyCategory? suggestion) =>
        Create(category, matched, language, confidence, source, suggestion) with { ModelVersion = ModelVersion };

    private static ReplyClassification Create(ReplyCategory category, IReadOnlyList<string> matched, TextLanguage language,
        double confidence, string source, ReplyCategory? suggestion)
    {
        ReplyCategoryInfo info = ReplyCategories.For(category);
        return new ReplyClassification(category, matched, language, info.AutoReplyAllowed, info.Response, info.Actions,
            confidence, source, null, suggestion);
    }
}
