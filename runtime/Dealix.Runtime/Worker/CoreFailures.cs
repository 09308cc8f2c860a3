using CoreFailureDetails = DurableTask.Core.FailureDetails;
using CoreSubOrchestrationFailedException = DurableTask.Core.Exceptions.SubOrchestrationFailedException;
using CoreTaskFailedException = DurableTask.Core.Exceptions.TaskFailedException;

namespace Dealix.Runtime.Worker;

/// <summary>
/// The failure an orchestrator awaits when an activity or a sub-orchestration fails, built as Microsoft's engine
/// builds it: DurableTask.Core's <see cref="CoreTaskFailedException"/> or <see cref="CoreSubOrchestrationFailedException"/>
/// carrying the task's failure details, wrapped in the SDK's <see cref="TaskFailedException"/>. So the orchestrator sees
/// the same message and <see cref="TaskFailedException.FailureDetails"/>, and an unhandled one fails the orchestration
/// with the same outer type and inner failure, on either engine.
/// </summary>
internal static class CoreFailures
{
    /// <summary>The SDK exception for task <paramref name="taskId"/> named <paramref name="name"/> failing with <paramref name="details"/>.</summary>
    public static TaskFailedException TaskFailed(string name, int taskId, TaskFailureDetails details, bool subOrchestration) =>
        new(name, taskId, Create(name, taskId, details, subOrchestration));

    /// <summary>DurableTask.Core's exception for the failure.</summary>
    public static DurableTask.Core.Exceptions.OrchestrationException Create(string name, int taskId, TaskFailureDetails details, bool subOrchestration)
    {
        CoreFailureDetails core = ToCore(details);
        return subOrchestration
            ? new CoreSubOrchestrationFailedException(details.ErrorMessage) { FailureDetails = core, Name = name, ScheduleId = taskId }
            : new CoreTaskFailedException(details.ErrorMessage) { FailureDetails = core, Name = name, ScheduleId = taskId };
    }

    private static CoreFailureDetails ToCore(TaskFailureDetails details) =>
        new(details.ErrorType, details.ErrorMessage, details.StackTrace, details.InnerFailure is null ? null : ToCore(details.InnerFailure), isNonRetriable: false);
}
