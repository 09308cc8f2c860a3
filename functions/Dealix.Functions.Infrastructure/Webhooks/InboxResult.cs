namespace Dealix.Functions.Infrastructure.Webhooks;

/// <summary>What happened to one inbound message.</summary>
public sealed record InboxResult(InboxOutcome Outcome, string? InstanceId)
{
    public static InboxResult Duplicate { get; } = new(InboxOutcome.Duplicate, null);

    public static InboxResult Ignored { get; } = new(InboxOutcome.Ignored, null);
}
