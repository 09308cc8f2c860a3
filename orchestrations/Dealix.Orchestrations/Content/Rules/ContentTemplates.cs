using Dealix.Orchestrations.Common.Text;

namespace Dealix.Orchestrations.Content.Rules;

/// <summary>The weekly posts' templates and the focus phrases of the reply intents, from <c>Content/Data/content-templates.json</c>.</summary>
public static class ContentTemplates
{
    private static readonly TemplateFile Data = EmbeddedData.ReadJson<TemplateFile>("Content.Data.content-templates.json");

    /// <summary>Every template, in file order.</summary>
    public static IReadOnlyList<ContentTemplate> All { get; } = [.. Data.Templates];

    /// <summary>The Arabic phrase naming what a reply intent asks about, or null for an intent without one.</summary>
    public static string? Focus(string intent) => Data.Focus.TryGetValue(intent, out string? phrase) ? phrase : null;

    private sealed record TemplateFile(Dictionary<string, string> Focus, List<ContentTemplate> Templates);
}
