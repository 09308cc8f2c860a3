using Microsoft.Extensions.Logging;

namespace Dealix.Orchestrations.Deals;

/// <summary>Deal area log messages (EventIds 1100–1199). Never message bodies, numbers, addresses or tokens.</summary>
internal static partial class Log
{
    [LoggerMessage(1100, LogLevel.Information, "Deal {InstanceId} of tenant {TenantId} moved {From} -> {To} on {Trigger} (correlation {CorrelationId})")]
    public static partial void StageChanged(this ILogger logger, string instanceId, string tenantId, string from, string to, string trigger, string correlationId);

    [LoggerMessage(1101, LogLevel.Information, "Deal {InstanceId}: inbound message {MessageId} classified {Category} (correlation {CorrelationId})")]
    public static partial void MessageClassified(this ILogger logger, string instanceId, string messageId, string category, string correlationId);

    [LoggerMessage(1102, LogLevel.Information, "Deal {InstanceId}: draft {DraftId} waits for approval (correlation {CorrelationId})")]
    public static partial void DraftPending(this ILogger logger, string instanceId, string draftId, string correlationId);

    [LoggerMessage(1103, LogLevel.Information, "Deal {InstanceId}: draft {DraftId} ended {Decision} (correlation {CorrelationId})")]
    public static partial void DraftResolved(this ILogger logger, string instanceId, string draftId, string decision, string correlationId);

    [LoggerMessage(1104, LogLevel.Warning, "Deal {InstanceId} of tenant {TenantId} opted out (correlation {CorrelationId})")]
    public static partial void OptedOut(this ILogger logger, string instanceId, string tenantId, string correlationId);

    [LoggerMessage(1105, LogLevel.Information, "Deal {InstanceId}: message {MessageId} already handled, ignored")]
    public static partial void DuplicateMessage(this ILogger logger, string instanceId, string messageId);

    [LoggerMessage(1106, LogLevel.Warning, "Deal {InstanceId}: {Action} refused: {Reason} (correlation {CorrelationId})")]
    public static partial void ActionRefused(this ILogger logger, string instanceId, string action, string reason, string correlationId);

    [LoggerMessage(1107, LogLevel.Information, "Approval {DraftId}: SLA step {Kind} lapsed")]
    public static partial void ApprovalStepLapsed(this ILogger logger, string draftId, string kind);

    [LoggerMessage(1108, LogLevel.Information, "Deal {InstanceId}: reply {DraftId} queued for sending, auto={AutoApproved} (correlation {CorrelationId})")]
    public static partial void ReplyQueued(this ILogger logger, string instanceId, string draftId, bool autoApproved, string correlationId);

    [LoggerMessage(1109, LogLevel.Information, "Deal {InstanceId}: message from a suppressed contact stored, no draft (correlation {CorrelationId})")]
    public static partial void SuppressedContactWrote(this ILogger logger, string instanceId, string correlationId);
}
