namespace Dealix.Orchestrations.Deals.Contracts;

/// <summary>
/// What may move a deal (§8.2): a classified intent of an inbound message, an operator event or a timer event
/// (<c>follow_up_due</c>, <c>no_response_timeout</c>).
/// </summary>
/// <remarks>
/// <para><c>Name</c>: A <see cref="ReplyIntent"/> wire name, or an event name.</para>
/// <para><c>IsIntent</c>: True when <paramref name="Name"/> is a reply intent.</para>
/// <para><c>CriteriaMet</c>: For <c>qualification_complete</c>.</para>
/// <para><c>PurchaseType</c>: For <c>payment_confirmed</c>.</para>
/// <para><c>NoShowCount</c>: For <c>meeting_no_show</c>: how many no-shows this deal had before this one.</para>
/// </remarks>
// WARNING: persisted in history (activity input).
public sealed record StageTrigger(
    string Name,
    bool IsIntent,
    bool? CriteriaMet = null,
    string? PurchaseType = null,
    int NoShowCount = 0)
{
    /// <summary>A trigger from a classified message.</summary>
    public static StageTrigger Intent(string category) => new(category, IsIntent: true);

    /// <summary>A trigger from an operator or timer event.</summary>
    public static StageTrigger Event(string name) => new(name, IsIntent: false);
}
