using Dealix.Orchestrations.Tasks;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.Tests.Tasks;

/// <summary>
/// A workflow with one human step, as an area's orchestration would have it: an operator reviews within 8 hours (the
/// task's SLA); after 3 days the workflow stops waiting and withdraws the task.
/// </summary>
[DurableTask(Name)]
public sealed class ReviewStepOrchestrator : TaskOrchestrator<string, string>
{
    public const string Name = "TestReviewStep";

    public static string TaskId(string instanceId) => $"{instanceId}:review";

    public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
    {
        var request = new HumanTaskRequest(TaskId(context.InstanceId), input, "onboarding", "review_step", "Review step 2", "operator", context.InstanceId,
            new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero).AddHours(8), SubjectId: "customer-1");
        using var deadline = new CancellationTokenSource();
        using var waiting = new CancellationTokenSource();
        Task<HumanTaskOutcome> outcome = context.RunHumanTaskAsync(request, waiting.Token);
        Task timeout = context.CreateTimer(context.CurrentUtcDateTime.AddDays(3), deadline.Token);
        if (await Task.WhenAny(outcome, timeout) == outcome)
        {
            deadline.Cancel();
            HumanTaskOutcome done = await outcome;
            return $"{done.Outcome} by {done.CompletedBy}: {string.Join(",", (done.Result ?? new Dictionary<string, string>()).Select(r => $"{r.Key}={r.Value}"))}";
        }

        waiting.Cancel();
        bool cancelled = await context.CallActivityAsync<bool>(HumanTaskActivities.Cancel, request.TaskId);
        return cancelled ? "timed_out" : "ended_meanwhile";
    }
}
