using Microsoft.DurableTask;

namespace Dealix.Runtime.DurableTaskFramework.Tests.Tasks;

/// <summary>Five activity calls in sequence, one per city.</summary>
internal sealed class GreetCities : TaskOrchestrator<string[], List<string>>
{
    public const string Name = "GreetCities";

    public override async Task<List<string>> RunAsync(TaskOrchestrationContext context, string[] cities)
    {
        var greetings = new List<string>(cities.Length);
        foreach (string city in cities)
        {
            greetings.Add(await context.CallActivityAsync<string>(Greet.Name, city));
        }

        return greetings;
    }
}

/// <summary>Sleeps on a durable timer for the given number of milliseconds.</summary>
/// <remarks>
/// No check that the orchestration's clock passed the due time: DurableTask.AzureStorage delivers a timer as a
/// queue message whose visibility delay is truncated to whole seconds, so it can fire up to a second early.
/// </remarks>
internal sealed class Nap : TaskOrchestrator<int, string>
{
    public const string Name = "Nap";

    public override async Task<string> RunAsync(TaskOrchestrationContext context, int milliseconds)
    {
        await context.CreateTimer(context.CurrentUtcDateTime.AddMilliseconds(milliseconds), CancellationToken.None);
        return "rested";
    }
}

/// <summary>Publishes a custom status, then returns the payload of the "Approved" event.</summary>
internal sealed class AwaitApproval : TaskOrchestrator<string?, string>
{
    public const string Name = "AwaitApproval";
    public const string Approved = "Approved";

    public override async Task<string> RunAsync(TaskOrchestrationContext context, string? input)
    {
        context.SetCustomStatus(new ProgressStatus("awaiting-approval", 2));
        string verdict = await context.WaitForExternalEvent<string>(Approved);
        return $"approved by {verdict}";
    }
}

/// <summary>Calls an activity that always fails, without catching.</summary>
internal sealed class CallExplode : TaskOrchestrator<string?, string>
{
    public const string Name = "CallExplode";

    public override Task<string> RunAsync(TaskOrchestrationContext context, string? input) =>
        context.CallActivityAsync<string>(Explode.Name, input);
}

/// <summary>Counts its runs through an injected counter; returns the input and the run number.</summary>
internal sealed class CountRuns : TaskOrchestrator<string, string>
{
    public const string Name = "CountRuns";

    public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
    {
        int run = await context.CallActivityAsync<int>(IncrementRunCount.Name, input);
        return $"{input}#{run}";
    }
}

internal sealed record ProgressStatus(string Stage, int Step);

internal sealed record Verdict(string By, string Reason);

/// <summary>Reports which instance started it.</summary>
internal sealed class ReportParent : TaskOrchestrator<string?, string>
{
    public const string Name = "ReportParent";

    public override Task<string> RunAsync(TaskOrchestrationContext context, string? input) =>
        Task.FromResult(context.Parent is { } parent ? $"{parent.Name}/{parent.InstanceId}" : "no parent");
}

/// <summary>Runs <see cref="ReportParent"/> and then <see cref="CallExplode"/> as sub-orchestrations, catching the failure.</summary>
internal sealed class SuperviseChildren : TaskOrchestrator<string?, string>
{
    public const string Name = "SuperviseChildren";

    public override async Task<string> RunAsync(TaskOrchestrationContext context, string? input)
    {
        string parent = await context.CallSubOrchestratorAsync<string>(ReportParent.Name);
        try
        {
            await context.CallSubOrchestratorAsync<string>(CallExplode.Name);
            return $"{parent} | no failure";
        }
        catch (TaskFailedException e)
        {
            TaskFailureDetails failure = e.FailureDetails;
            return $"{parent} | {failure.ErrorType} > {failure.InnerFailure?.ErrorType}: {failure.InnerFailure?.ErrorMessage}";
        }
    }
}
