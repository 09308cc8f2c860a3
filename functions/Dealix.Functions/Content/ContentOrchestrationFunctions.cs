using Dealix.Functions.Durable;
using Dealix.Orchestrations.Content;
using Dealix.Orchestrations.Content.Activities;
using Dealix.Orchestrations.Content.Contracts;
using Dealix.Orchestrations.Outreach.Contracts;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Dealix.Functions.Content;

/// <summary>The content orchestrator and activity as functions (names are the classes' stored names).</summary>
public static class ContentOrchestrationFunctions
{
    /// <summary>Runs <see cref="WeeklyContentSuggestionsOrchestrator"/>: one tenant's weekly content suggestions.</summary>
    [Function(WeeklyContentSuggestionsOrchestrator.Name)]
    public static Task<ContentRunResult> WeeklyContentSuggestions([OrchestrationTrigger] TaskOrchestrationContext context, OutreachRunInput input) =>
        new WeeklyContentSuggestionsOrchestrator().RunAsync(context, input);

    /// <summary>Runs the <see cref="SuggestWeeklyContent"/> activity.</summary>
    [Function(SuggestWeeklyContent.Name)]
    public static Task<ContentRunResult> SuggestWeeklyContentAsync([ActivityTrigger] ContentRunInput input, string instanceId, FunctionContext function) =>
        ActivityFunction.RunAsync<SuggestWeeklyContent, ContentRunInput, ContentRunResult>(function, instanceId, input);
}
