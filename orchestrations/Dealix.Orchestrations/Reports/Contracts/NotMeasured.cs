namespace Dealix.Orchestrations.Reports.Contracts;

/// <summary>
/// A figure a report is asked for but that no store of the app records (e.g. revenue in SAR, targets, connector sync
/// health): reported as <see cref="Value"/> = <c>not measured</c> with why, never as a made-up 0.
/// </summary>
public sealed record NotMeasured(string Field, string Reason)
{
    /// <summary>The value a report field carries when its fact source does not exist.</summary>
    public const string Text = "not measured";

    /// <summary>Always <see cref="Text"/>.</summary>
    public string Value { get; } = Text;
}
