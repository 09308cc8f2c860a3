using System.Text.Json.Nodes;

namespace Dealix.Conformance.Tests.Scenarios;

/// <summary>One scenario on one engine: fresh instance ids, and waits that fail with the reason instead of hanging.</summary>
public sealed class ScenarioRun(string engine, DurableTaskClient client)
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(20);

    public string Engine { get; } = engine;

    public DurableTaskClient Client { get; } = client;

    /// <summary>An instance id no other test or engine uses.</summary>
    public static string NewInstanceId(string scenario) => $"{scenario}-{Guid.NewGuid():N}";

    public async Task<string> StartAsync(string orchestrator, object? input = null, string? scenario = null)
    {
        string id = NewInstanceId(scenario ?? orchestrator);
        await Client.ScheduleNewOrchestrationInstanceAsync(orchestrator, input, new StartOrchestrationOptions(id));
        return id;
    }

    public async Task<OrchestrationMetadata> WaitForCompletionAsync(string instanceId)
    {
        using var timeout = new CancellationTokenSource(WaitLimit);
        try
        {
            return await Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            OrchestrationMetadata? now = await Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true);
            throw new TimeoutException(
                $"{Engine}: instance '{instanceId}' did not end within {WaitLimit.TotalSeconds} s; it is {now?.RuntimeStatus.ToString() ?? "unknown"} " +
                $"with input {now?.SerializedInput} and custom status {now?.SerializedCustomStatus}.");
        }
    }

    /// <summary>Polls the instance until <paramref name="condition"/> holds (a status or custom status the scenario set on purpose).</summary>
    public async Task<OrchestrationMetadata> WaitUntilAsync(string instanceId, Func<OrchestrationMetadata, bool> condition, string what)
    {
        DateTime deadline = DateTime.UtcNow + WaitLimit;
        while (true)
        {
            OrchestrationMetadata? instance = await Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true);
            if (instance is not null && condition(instance))
            {
                return instance;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(
                    $"{Engine}: instance '{instanceId}' ({instance?.RuntimeStatus}, custom status {instance?.SerializedCustomStatus}) " +
                    $"did not reach '{what}' within {WaitLimit.TotalSeconds} s.");
            }

            await Task.Delay(50);
        }
    }

    public Task<OrchestrationMetadata> WaitForCustomStatusAsync(string instanceId, string status) =>
        WaitUntilAsync(instanceId, i => i.SerializedCustomStatus is { } s && ScenarioOutcome.Parse(s)?.GetValueKind() == System.Text.Json.JsonValueKind.String
            && ScenarioOutcome.Parse(s)!.GetValue<string>() == status, $"custom status \"{status}\"");

    public async Task<ScenarioOutcome> OutcomeAsync(string instanceId, JsonObject? observations = null) =>
        ScenarioOutcome.From(await WaitForCompletionAsync(instanceId), observations);
}
