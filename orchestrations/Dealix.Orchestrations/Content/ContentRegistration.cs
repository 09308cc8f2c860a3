using Dealix.Orchestrations.Content.Activities;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.Content;

/// <summary>
/// Registers the weekly content suggestions (needs <c>IContentFactsSource</c>, <c>IContentCalendarStore</c>,
/// <c>IKillSwitch</c>, <c>IAuditLedger</c> and the notification activities).
/// </summary>
public static class ContentRegistration
{
    /// <summary>Adds the content orchestrator and its activity.</summary>
    public static DurableTaskRegistry AddContent(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry
            .AddOrchestrator<WeeklyContentSuggestionsOrchestrator>()
            .AddActivity<SuggestWeeklyContent>();
    }
}
