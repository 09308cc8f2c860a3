using Dealix.Orchestrations.Tasks;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Dealix.Functions.EndToEndTests.Functions;

/// <summary>
/// A workflow with one human step, as an area's orchestration has it: hands a review to the tenant's operators and
/// returns how it ended.
/// </summary>
public static class HumanTaskStepFunctions
{
    public const string OrchestratorName = "E2EHumanTaskStep";

    public static string TaskId(string instanceId) => $"{instanceId}:review";

    [Function(OrchestratorName)]
    public static async Task<string> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context, string tenant)
    {
        HumanTaskOutcome outcome = await context.RunHumanTaskAsync(new HumanTaskRequest(
            TaskId(context.InstanceId), tenant, "onboarding", "review_step", "Review onboarding step 2", "operator", context.InstanceId,
            new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero).AddHours(8), SubjectId: "customer-1"));
        return $"{outcome.Outcome} by {outcome.CompletedBy}: {outcome.Result?.GetValueOrDefault("notes")}";
    }
}
