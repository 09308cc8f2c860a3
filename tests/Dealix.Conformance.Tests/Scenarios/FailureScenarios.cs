namespace Dealix.Conformance.Tests.Scenarios;

/// <summary>An orchestrator that throws: the instance fails, and its failure details say why.</summary>
public static class FailureScenarios
{
    public const string Throws = "Conformance.OrchestratorThrows";

    public static void Register(DurableTaskRegistry tasks) => tasks
        .AddOrchestratorFunc<string, string>(Throws, async (context, deal) =>
        {
            await context.CallActivityAsync<string>(SharedActivities.Echo.Name, deal);
            throw new InvalidOperationException($"{deal} cannot be closed", new FormatException("amount is not a number"));
        });

    public static async Task<ScenarioOutcome> RunAsync(ScenarioRun run) =>
        await run.OutcomeAsync(await run.StartAsync(Throws, "deal-7"));
}
