namespace Dealix.Orchestrations.Reports.Contracts;

/// <summary>
/// An operator's feedback on one drafted response (§4.7) as the reports see it: the draft's category and kind, the
/// decision, the rubric (1–5 each, null when not given), the exemplar flag and the rejection reason code. Never the
/// draft's text, the correction or the comment.
/// </summary>
public sealed record FeedbackFact(string DraftId, string Category, string Kind, string? Decision, int? Factuality, int? Helpfulness, int? Tone,
    int? PolicyAlignment, bool Exemplar, string? ReasonCode, DateTime At)
{
    /// <summary>The rubric scores given (0 to 4 of them).</summary>
    public IEnumerable<int> Scores => new[] { Factuality, Helpfulness, Tone, PolicyAlignment }.OfType<int>();
}
