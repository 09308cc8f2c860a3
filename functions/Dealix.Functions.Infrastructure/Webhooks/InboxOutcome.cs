namespace Dealix.Functions.Infrastructure.Webhooks;

/// <summary>Outcomes of <see cref="DealInbox.AcceptAsync"/>.</summary>
public enum InboxOutcome
{
    Started,
    Raised,
    Duplicate,
    Ignored,
}
