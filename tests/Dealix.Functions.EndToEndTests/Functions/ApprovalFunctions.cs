using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Dealix.Functions.EndToEndTests.Functions;

/// <summary>
/// A function-based orchestrator and activity (the [OrchestrationTrigger]/[ActivityTrigger] programming model): waits
/// for an "Approved" event, then shouts the approver's name through an activity.
/// </summary>
public static class ApprovalFunctions
{
    public const string OrchestratorName = "WaitForApproval";
    public const string ActivityName = "Shout";
    public const string EventName = "Approved";

    [Function(OrchestratorName)]
    public static async Task<string> RunOrchestratorAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        Approval approval = await context.WaitForExternalEvent<Approval>(EventName);
        return await context.CallActivityAsync<string>(ActivityName, approval.By);
    }

    [Function(ActivityName)]
    public static string Shout([ActivityTrigger] string name, string instanceId) => $"APPROVED BY {name.ToUpperInvariant()} ({instanceId})";
}

public sealed record Approval(string By);
