namespace Dealix.Conformance.Tests.Scenarios;

/// <summary>A durable timer, and external events raised before the wait, after it, and after a wait that timed out.</summary>
public static class TimerAndEventScenarios
{
    public const string Timer = "Conformance.Timer";
    public const string EventBeforeWait = "Conformance.EventBeforeWait";
    public const string EventAfterWait = "Conformance.EventAfterWait";
    public const string EventAfterTimeout = "Conformance.EventAfterTimeout";

    /// <summary>WARNING: event names are stored in history.</summary>
    public const string Approved = "Approved";

    private static readonly TimeSpan TimerDelay = TimeSpan.FromSeconds(1);

    public static void Register(DurableTaskRegistry tasks) => tasks
        .AddOrchestratorFunc<TimerResult>(Timer, async context =>
        {
            DateTime start = context.CurrentUtcDateTime;
            DateTime due = start + TimerDelay;
            await context.CreateTimer(due, CancellationToken.None);
            return new TimerResult(context.CurrentUtcDateTime >= due, context.CurrentUtcDateTime.Kind.ToString());
        })
        .AddOrchestratorFunc<Approval>(EventBeforeWait, async context =>
        {
            // The test raises the event while this timer runs, before the wait below exists.
            context.SetCustomStatus("sleeping");
            await context.CreateTimer(TimerDelay, CancellationToken.None);
            return await context.WaitForExternalEvent<Approval>(Approved);
        })
        .AddOrchestratorFunc<Approval>(EventAfterWait, async context =>
        {
            context.SetCustomStatus("waiting");
            return await context.WaitForExternalEvent<Approval>(Approved);
        })
        .AddOrchestratorFunc<TimeoutResult>(EventAfterTimeout, async context =>
        {
            bool timedOut = false;
            try
            {
                await context.WaitForExternalEvent<Approval>(Approved, TimeSpan.FromSeconds(1));
            }
            catch (TaskCanceledException)
            {
                timedOut = true;
            }

            context.SetCustomStatus("timed-out");
            Approval late = await context.WaitForExternalEvent<Approval>(Approved);
            return new TimeoutResult(timedOut, late);
        });

    public static async Task<ScenarioOutcome> RunTimerAsync(ScenarioRun run) =>
        await run.OutcomeAsync(await run.StartAsync(Timer));

    public static async Task<ScenarioOutcome> RunEventBeforeWaitAsync(ScenarioRun run)
    {
        string id = await run.StartAsync(EventBeforeWait);
        await run.WaitForCustomStatusAsync(id, "sleeping");
        await run.Client.RaiseEventAsync(id, Approved, new Approval("early", 1));
        return await run.OutcomeAsync(id);
    }

    public static async Task<ScenarioOutcome> RunEventAfterWaitAsync(ScenarioRun run)
    {
        string id = await run.StartAsync(EventAfterWait);
        await run.WaitForCustomStatusAsync(id, "waiting");
        await run.Client.RaiseEventAsync(id, Approved, new Approval("late", 2));
        return await run.OutcomeAsync(id);
    }

    public static async Task<ScenarioOutcome> RunEventAfterTimeoutAsync(ScenarioRun run)
    {
        string id = await run.StartAsync(EventAfterTimeout);
        await run.WaitForCustomStatusAsync(id, "timed-out");
        await run.Client.RaiseEventAsync(id, Approved, new Approval("after the timeout", 3));
        return await run.OutcomeAsync(id);
    }

    public sealed record Approval(string By, int Amount);

    public sealed record TimerResult(bool FiredAtOrAfterDue, string ClockKind);

    public sealed record TimeoutResult(bool TimedOut, Approval Late);
}
