using System.Text.Json.Nodes;

namespace Dealix.Conformance.Tests.Scenarios;

/// <summary>
/// Every <see cref="RetryPolicy"/> field and a custom retry handler, on an activity that always fails. The
/// orchestrator catches the final <see cref="TaskFailedException"/> and returns what it carried; the test adds
/// the attempts the activity recorded and whether the gaps between them honour the planned delays.
/// </summary>
public static class RetryScenarios
{
    public const string WithPolicy = "Conformance.RetryWithPolicy";
    public const string WithHandler = "Conformance.RetryWithHandler";

    /// <summary>Clock granularity between the activity's wall clock and the engine's timers.</summary>
    private static readonly TimeSpan Tolerance = TimeSpan.FromMilliseconds(50);

    public static void Register(DurableTaskRegistry tasks) => tasks
        .AddOrchestrator<RetryWithPolicyOrchestrator>()
        .AddOrchestrator<RetryWithHandlerOrchestrator>();

    /// <summary>The policies, by case; built in the orchestrator because a policy is code, not data.</summary>
    public static RetryPolicy PolicyFor(string policyCase) => policyCase switch
    {
        // Three attempts, then the failure surfaces.
        Cases.MaxAttempts => new RetryPolicy(maxNumberOfAttempts: 3, firstRetryInterval: TimeSpan.FromMilliseconds(100)),

        // Delays 200, 400, 800 ms.
        Cases.Backoff => new RetryPolicy(4, TimeSpan.FromMilliseconds(200), backoffCoefficient: 2),

        // Delays 200, 300, 300 ms where the coefficient alone would give 200, 2000, 20000.
        Cases.MaxInterval => new RetryPolicy(4, TimeSpan.FromMilliseconds(200), backoffCoefficient: 10,
            maxRetryInterval: TimeSpan.FromMilliseconds(300)),

        // The first failure is back within 1 s, so a second attempt runs 1 s later; after it fails the 1 s
        // budget is spent and no third attempt starts, although ten are allowed.
        Cases.RetryTimeout => new RetryPolicy(10, TimeSpan.FromSeconds(1), retryTimeout: TimeSpan.FromSeconds(1)),

        // Retries InvalidOperationException, stops at the ArgumentException of attempt 2 although five are allowed.
        Cases.Handle => new RetryPolicy(5, TimeSpan.FromMilliseconds(100))
        {
            HandleFailure = failure => !failure.IsCausedBy<ArgumentException>(),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(policyCase), policyCase, "no such retry case"),
    };

    public static async Task<ScenarioOutcome> RunPolicyAsync(ScenarioRun run, string policyCase, int argumentErrorOnAttempt = 0)
    {
        string id = await run.StartAsync(WithPolicy, new RetryCase(policyCase, argumentErrorOnAttempt), $"{WithPolicy}.{policyCase}");
        OrchestrationMetadata done = await run.WaitForCompletionAsync(id);
        IReadOnlyList<DateTime> attempts = AttemptLog.For(id);
        var observations = new JsonObject { ["attempts"] = attempts.Count };
        TimeSpan[] gaps = attempts.Zip(attempts.Skip(1), (a, b) => b - a).ToArray();
        if (policyCase is Cases.Backoff or Cases.MaxInterval)
        {
            RetryPolicy policy = PolicyFor(policyCase);
            observations["gapsAtLeastPlannedDelay"] = Flags(gaps, (gap, i) => gap + Tolerance >= PlannedDelay(policy, i));
            observations["gapsBelowUncappedDelay"] = Flags(gaps, (gap, i) => gap < UncappedDelay(policy, i) || UncappedDelay(policy, i) == PlannedDelay(policy, i));
        }

        return ScenarioOutcome.From(done, observations);
    }

    public static async Task<ScenarioOutcome> RunHandlerAsync(ScenarioRun run)
    {
        string id = await run.StartAsync(WithHandler);
        OrchestrationMetadata done = await run.WaitForCompletionAsync(id);
        return ScenarioOutcome.From(done, new JsonObject { ["attempts"] = AttemptLog.For(id).Count });
    }

    /// <summary>The delay before retry <paramref name="i"/>+1 as DurableTask.Core plans it: first × coefficient^i, capped.</summary>
    private static TimeSpan PlannedDelay(RetryPolicy policy, int i)
    {
        TimeSpan uncapped = UncappedDelay(policy, i);
        return uncapped > policy.MaxRetryInterval ? policy.MaxRetryInterval : uncapped;
    }

    private static TimeSpan UncappedDelay(RetryPolicy policy, int i) =>
        TimeSpan.FromMilliseconds(policy.FirstRetryInterval.TotalMilliseconds * Math.Pow(policy.BackoffCoefficient, i));

    private static JsonArray Flags(TimeSpan[] gaps, Func<TimeSpan, int, bool> check) =>
        [.. gaps.Select((gap, i) => (JsonNode)check(gap, i))];

    public static class Cases
    {
        public const string MaxAttempts = nameof(MaxAttempts);
        public const string Backoff = nameof(Backoff);
        public const string MaxInterval = nameof(MaxInterval);
        public const string RetryTimeout = nameof(RetryTimeout);
        public const string Handle = nameof(Handle);
    }

    public sealed record RetryCase(string Policy, int ArgumentErrorOnAttempt);

    /// <summary>What the orchestrator saw of the final failure.</summary>
    public sealed record FailureSeen(string TaskName, string Message, string ErrorType, string ErrorMessage,
        bool CausedByInvalidOperation, bool CausedByArgument)
    {
        public static FailureSeen From(TaskFailedException e) => new(e.TaskName, e.Message, e.FailureDetails.ErrorType,
            e.FailureDetails.ErrorMessage, e.FailureDetails.IsCausedBy<InvalidOperationException>(),
            e.FailureDetails.IsCausedBy<ArgumentException>());
    }

    /// <summary>One call of the custom handler, as it saw the attempt that just failed.</summary>
    public sealed record HandlerCall(int LastAttemptNumber, string ErrorType, string ErrorMessage, bool TotalRetryTimeCoversTimers);

    public sealed record HandlerResult(List<HandlerCall> Calls, FailureSeen Final);

    [DurableTask(WithPolicy)]
    public sealed class RetryWithPolicyOrchestrator : TaskOrchestrator<RetryCase, FailureSeen>
    {
        public override async Task<FailureSeen> RunAsync(TaskOrchestrationContext context, RetryCase input)
        {
            try
            {
                await context.CallActivityAsync<string>(SharedActivities.RecordAttemptAndFail.Name, input.ArgumentErrorOnAttempt,
                    TaskOptions.FromRetryPolicy(PolicyFor(input.Policy)));
                throw new InvalidOperationException("the activity never succeeds");
            }
            catch (TaskFailedException e)
            {
                return FailureSeen.From(e);
            }
        }
    }

    /// <summary>Retries InvalidOperationException after a 100 ms durable timer until the third attempt has failed.</summary>
    [DurableTask(WithHandler)]
    public sealed class RetryWithHandlerOrchestrator : TaskOrchestrator<object?, HandlerResult>
    {
        private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(100);

        public override async Task<HandlerResult> RunAsync(TaskOrchestrationContext context, object? input)
        {
            var calls = new List<HandlerCall>();
            TaskOptions options = TaskOptions.FromRetryHandler(async retry =>
            {
                calls.Add(new HandlerCall(retry.LastAttemptNumber, retry.LastFailure.ErrorType, retry.LastFailure.ErrorMessage,
                    retry.TotalRetryTime >= Pause * (retry.LastAttemptNumber - 1)));
                if (retry.LastAttemptNumber >= 3 || !retry.LastFailure.IsCausedBy<InvalidOperationException>())
                {
                    return false;
                }

                await retry.OrchestrationContext.CreateTimer(Pause, retry.CancellationToken);
                return true;
            });
            try
            {
                await context.CallActivityAsync<string>(SharedActivities.RecordAttemptAndFail.Name, 0, options);
                throw new InvalidOperationException("the activity never succeeds");
            }
            catch (TaskFailedException e)
            {
                return new HandlerResult(calls, FailureSeen.From(e));
            }
        }
    }
}
