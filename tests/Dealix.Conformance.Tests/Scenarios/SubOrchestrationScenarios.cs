namespace Dealix.Conformance.Tests.Scenarios;

/// <summary>A child orchestration that throws with an inner exception; the parent catches and reports what it got.</summary>
public static class SubOrchestrationScenarios
{
    public const string Parent = "Conformance.SubOrchestrationParent";
    public const string Child = "Conformance.SubOrchestrationChild";

    public static void Register(DurableTaskRegistry tasks) => tasks
        .AddOrchestrator<ParentOrchestrator>()
        .AddOrchestrator<ChildOrchestrator>();

    public static async Task<ScenarioOutcome> RunChildFailsAsync(ScenarioRun run)
    {
        string id = await run.StartAsync(Parent);
        ScenarioOutcome parent = ScenarioOutcome.From(await run.WaitForCompletionAsync(id));
        ScenarioOutcome child = ScenarioOutcome.From(await run.WaitForCompletionAsync(ChildId(id)));
        return parent with
        {
            Observations = new()
            {
                ["childStatus"] = child.Status.ToString(),
                ["childFailure"] = System.Text.Json.JsonSerializer.SerializeToNode(child.Failure),
            },
        };
    }

    /// <summary>A fixed child id, so the scenario does not depend on how an engine names sub-orchestrations.</summary>
    public static string ChildId(string parentId) => parentId + ":child";

    public sealed record ChildFailureSeen(string TaskName, string Message, string ErrorType, string ErrorMessage,
        string? InnerErrorType, string? InnerErrorMessage, bool CausedByInvalidOperation);

    [DurableTask(Parent)]
    public sealed class ParentOrchestrator : TaskOrchestrator<object?, ChildFailureSeen>
    {
        public override async Task<ChildFailureSeen> RunAsync(TaskOrchestrationContext context, object? input)
        {
            try
            {
                await context.CallSubOrchestratorAsync<string>(Child, "deal-42",
                    new SubOrchestrationOptions { InstanceId = ChildId(context.InstanceId) });
                throw new InvalidOperationException("the child never succeeds");
            }
            catch (TaskFailedException e)
            {
                TaskFailureDetails f = e.FailureDetails;
                return new ChildFailureSeen(e.TaskName, e.Message, f.ErrorType, f.ErrorMessage, f.InnerFailure?.ErrorType,
                    f.InnerFailure?.ErrorMessage, f.IsCausedBy<InvalidOperationException>());
            }
        }
    }

    [DurableTask(Child)]
    public sealed class ChildOrchestrator : TaskOrchestrator<string, string>
    {
        public override Task<string> RunAsync(TaskOrchestrationContext context, string input) =>
            throw new InvalidOperationException($"{input} cannot close", new FormatException("amount is not a number"));
    }
}
