namespace Dealix.Orchestrations.Content.Rules;

/// <summary>One post template: its id, topic, the angle (reply intent) it answers, and its text (<c>{focus}</c> is filled in).</summary>
public sealed record ContentTemplate(string Id, string Topic, string Angle, string Text)
{
    /// <summary>The slot a template may carry.</summary>
    public const string FocusSlot = "{focus}";

    /// <summary>True when the text needs the week's focus phrase.</summary>
    public bool NeedsFocus => Text.Contains(FocusSlot, StringComparison.Ordinal);
}
