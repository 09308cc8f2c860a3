namespace Dealix.Orchestrations.Content.Rules;

/// <summary>The four topics of the weekly posts (§17.3: "AI", "Marketing", "Saudi SMEs", "ZATCA") as wire slugs.</summary>
public static class ContentTopics
{
    // WARNING: stored (calendar entries) and used as competitor-content topics; never rename.
    public const string Ai = "ai";
    public const string Marketing = "marketing";
    public const string SaudiSmes = "saudi_smes";
    public const string Zatca = "zatca";

    /// <summary>The topics, in slot order.</summary>
    public static IReadOnlyList<string> All { get; } = [Ai, Marketing, SaudiSmes, Zatca];

    /// <summary>True for a topic slug (lowercase letters, digits, '_', 1–40 characters), ours or a competitor's.</summary>
    public static bool IsSlug(string? topic) =>
        topic is { Length: > 0 and <= 40 } && topic.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_');
}
