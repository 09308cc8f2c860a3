using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dealix.Orchestrations.Deals.Contracts;

namespace Dealix.Orchestrations.Deals.Lifecycle;

/// <summary>
/// The deal workflow's texts: stage templates (§8.8), qualification questions (§8.7) and, as a fallback when the
/// classifier gives none, the category responses (§9.1). Loaded from <c>Deals/Data/deal-templates.json</c>.
/// Placeholders such as <c>{booking_link}</c> are filled from tenant settings; one left unfilled blocks auto-send.
/// </summary>
public static partial class ReplyTemplates
{
    private static readonly JsonSerializerOptions ReadOptions = new(JsonSerializerDefaults.Web);
    private static readonly TemplateData Data = Load();

    /// <summary>The first qualification question (Q1).</summary>
    public static string FirstQualificationQuestion => Data.QualificationQuestions[0];

    /// <summary>The template of a stage, or null (qualifying, closed_lost and opted_out have none).</summary>
    public static string? ForStage(DealStage stage) =>
        Data.Stages.TryGetValue(DealStages.WireName(stage), out string? text) ? text : null;

    /// <summary>The pre-written response of a reply category, or null (unsubscribe and out_of_office get none).</summary>
    public static string? ForCategory(string category) =>
        Data.Categories.TryGetValue(category, out string? text) ? text : null;

    /// <summary>
    /// The reply to an inbound message: the category's response (the classifier's suggestion first), the
    /// approval-stage template when the deal is (or is proposed to be) in one, and Q1 when the transition asks for the
    /// first qualification question. Null when nothing should be said.
    /// </summary>
    public static string? ComposeReply(MessageClassification classification, StageTransition transition)
    {
        ArgumentNullException.ThrowIfNull(classification);
        ArgumentNullException.ThrowIfNull(transition);
        if (DealStages.IsSilent(transition.To) || classification.Category is ReplyIntent.Unsubscribe or ReplyIntent.OutOfOffice)
        {
            return null;
        }

        if (DealStages.IsApprovalStage(transition.To))
        {
            return ForStage(transition.To);
        }

        string? text = classification.SuggestedResponse ?? ForCategory(classification.Category);
        if (text is null)
        {
            return null;
        }

        return transition.Actions.Contains("qualification_question") ? $"{text}\n{FirstQualificationQuestion}" : text;
    }

    /// <summary>The follow-up text for a deal in <paramref name="stage"/>.</summary>
    public static string? ComposeFollowUp(DealStage stage) =>
        stage == DealStage.Qualifying ? Data.QualificationQuestions[1] : ForStage(stage);

    /// <summary>Fills <c>{name}</c>-style placeholders that have a value; unknown ones are left for the gate to see.</summary>
    public static string Fill(string template, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(values);
        return Placeholder().Replace(template, m => values.TryGetValue(m.Groups[1].Value, out string? v) && v.Length > 0 ? v : m.Value);
    }

    /// <summary>True when a <c>{placeholder}</c> is left in the text.</summary>
    public static bool HasUnfilledPlaceholder(string text) => Placeholder().IsMatch(text);

    [GeneratedRegex(@"\{([a-z_]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    private static TemplateData Load()
    {
        Assembly assembly = typeof(ReplyTemplates).Assembly;
        string name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("Deals.Data.deal-templates.json", StringComparison.Ordinal));
        using Stream stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return JsonSerializer.Deserialize<TemplateData>(reader.ReadToEnd(), ReadOptions)
            ?? throw new InvalidOperationException("The deal templates are empty.");
    }

    private sealed record TemplateData(
        Dictionary<string, string> Stages,
        List<string> QualificationQuestions,
        Dictionary<string, string> Categories);
}
