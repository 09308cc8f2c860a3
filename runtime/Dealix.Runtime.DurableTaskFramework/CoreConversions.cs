using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Core = DurableTask.Core;

namespace Dealix.Runtime.DurableTaskFramework;

/// <summary>Maps between DurableTask.Core's types and the official SDK's.</summary>
internal static class CoreConversions
{
    private static readonly Core.OrchestrationStatus[] RunningStatuses =
    [
        Core.OrchestrationStatus.Pending,
        Core.OrchestrationStatus.Running,
        Core.OrchestrationStatus.Suspended,
    ];

    public static IReadOnlyList<Core.OrchestrationStatus> Running => RunningStatuses;

    // Both enums carry the same values today; the mapping is spelled out so a reordering in either package
    // cannot silently turn one status into another.
#pragma warning disable CS0618 // Canceled is obsolete in the SDK but still a DurableTask.Core status.
    public static OrchestrationRuntimeStatus ToRuntimeStatus(this Core.OrchestrationStatus status) => status switch
    {
        Core.OrchestrationStatus.Running => OrchestrationRuntimeStatus.Running,
        Core.OrchestrationStatus.Completed => OrchestrationRuntimeStatus.Completed,
        Core.OrchestrationStatus.ContinuedAsNew => OrchestrationRuntimeStatus.ContinuedAsNew,
        Core.OrchestrationStatus.Failed => OrchestrationRuntimeStatus.Failed,
        Core.OrchestrationStatus.Canceled => OrchestrationRuntimeStatus.Canceled,
        Core.OrchestrationStatus.Terminated => OrchestrationRuntimeStatus.Terminated,
        Core.OrchestrationStatus.Pending => OrchestrationRuntimeStatus.Pending,
        Core.OrchestrationStatus.Suspended => OrchestrationRuntimeStatus.Suspended,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown DurableTask.Core orchestration status."),
    };

    public static Core.OrchestrationStatus ToCoreStatus(this OrchestrationRuntimeStatus status) => status switch
    {
        OrchestrationRuntimeStatus.Running => Core.OrchestrationStatus.Running,
        OrchestrationRuntimeStatus.Completed => Core.OrchestrationStatus.Completed,
        OrchestrationRuntimeStatus.ContinuedAsNew => Core.OrchestrationStatus.ContinuedAsNew,
        OrchestrationRuntimeStatus.Failed => Core.OrchestrationStatus.Failed,
        OrchestrationRuntimeStatus.Canceled => Core.OrchestrationStatus.Canceled,
        OrchestrationRuntimeStatus.Terminated => Core.OrchestrationStatus.Terminated,
        OrchestrationRuntimeStatus.Pending => Core.OrchestrationStatus.Pending,
        OrchestrationRuntimeStatus.Suspended => Core.OrchestrationStatus.Suspended,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown orchestration runtime status."),
    };

    /// <summary>Completed, failed, terminated (or the legacy canceled): the instance will not run again by itself.</summary>
    public static bool IsTerminal(this Core.OrchestrationStatus status) => status is Core.OrchestrationStatus.Completed
        or Core.OrchestrationStatus.Failed or Core.OrchestrationStatus.Terminated or Core.OrchestrationStatus.Canceled;
#pragma warning restore CS0618

    public static TaskFailureDetails ToTaskFailureDetails(this Core.FailureDetails details) => new(
        details.ErrorType,
        details.ErrorMessage,
        details.StackTrace,
        details.InnerFailure?.ToTaskFailureDetails(),
        details.Properties);
}
