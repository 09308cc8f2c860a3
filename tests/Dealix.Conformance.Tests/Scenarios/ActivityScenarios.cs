namespace Dealix.Conformance.Tests.Scenarios;

/// <summary>Activities in sequence and in parallel, with orchestrators written as functions on the registry.</summary>
public static class ActivityScenarios
{
    public const string Sequence = "Conformance.Sequence";
    public const string FanOutFanIn = "Conformance.FanOutFanIn";

    public static void Register(DurableTaskRegistry tasks) => tasks
        .AddOrchestratorFunc<string[], List<string>>(Sequence, async (context, cities) =>
        {
            var greetings = new List<string>();
            foreach (string city in cities)
            {
                greetings.Add(await context.CallActivityAsync<string>(SharedActivities.SayHello.Name, city));
            }

            return greetings;
        })
        .AddOrchestratorFunc<int, FanOutResult>(FanOutFanIn, async (context, count) =>
        {
            // Scheduled from an ordered range, awaited together.
            Task<int>[] squares = Enumerable.Range(1, count)
                .Select(n => context.CallActivityAsync<int>(SharedActivities.Square.Name, n))
                .ToArray();
            int[] results = await Task.WhenAll(squares);
            return new FanOutResult(results, results.Sum());
        });

    public static async Task<ScenarioOutcome> RunSequenceAsync(ScenarioRun run) =>
        await run.OutcomeAsync(await run.StartAsync(Sequence, new[] { "Tokyo", "Seattle", "London" }));

    public static async Task<ScenarioOutcome> RunFanOutFanInAsync(ScenarioRun run) =>
        await run.OutcomeAsync(await run.StartAsync(FanOutFanIn, 6));

    public sealed record FanOutResult(int[] Squares, int Sum);
}
