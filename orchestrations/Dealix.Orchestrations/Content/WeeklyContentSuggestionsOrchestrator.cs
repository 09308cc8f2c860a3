using System.Globalization;
using Dealix.Orchestrations.Content.Activities;
using Dealix.Orchestrations.Content.Contracts;
using Dealix.Orchestrations.Deals;
using Dealix.Orchestrations.Notifications;
using Dealix.Orchestrations.Outreach.Contracts;
using Dealix.Orchestrations.Reports;
using Dealix.Orchestrations.Reports.Rules;
using Dealix.Orchestrations.SelfImprovement;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.Content;

/// <summary>
/// One tenant's weekly content suggestions (§17.3 "Weekly content", §18 Monday 09:00 AST), started by the scheduler as
/// <c>sched:weekly-content-suggestions:{yyyyWww}:{tenant}</c> (the kill switch checked first) or by the run route with
/// <c>request:content:{yyyyWww}</c> (the activity checks the kill switch, global and the tenant's freeze, before
/// anything). <see cref="SuggestWeeklyContent"/> stores the week's five posts as <c>draft</c> calendar entries, then the
/// content team (role <c>marketing</c>) is told once per tenant and week through <see cref="OperatorAlertActivities.Send"/>,
/// with the link to the calendar. Nothing is published.
/// </summary>
[DurableTask(Name)]
public sealed class WeeklyContentSuggestionsOrchestrator : TaskOrchestrator<OutreachRunInput, ContentRunResult>
{
    public const string Name = "WeeklyContentSuggestions";

    /// <summary>The alert kind that tells the content team.</summary>
    public const string AlertKind = "content_calendar";

    public override async Task<ContentRunResult> RunAsync(TaskOrchestrationContext context, OutreachRunInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        if (LoopKeys.Period(input.Trigger) is not { } week || ReportWindows.ParseWeek(week) is null)
        {
            return new ContentRunResult(ReportRunOrchestrator.InvalidTrigger, string.Empty, 0, 0, 0);
        }

        ContentRunResult result = await context.CallActivityAsync<ContentRunResult>(SuggestWeeklyContent.Name,
            new ContentRunInput(input.TenantId, week, input.CorrelationId, context.CurrentUtcDateTime), Retries.Storage);
        if (result.Status != "completed" || result.Stored + result.Existing == 0)
        {
            context.SetCustomStatus(result);
            return result;
        }

        string body = string.Create(CultureInfo.InvariantCulture,
            $"{result.Stored + result.Existing} suggested posts for {week} are drafts in the content calendar ({result.Blocked} blocked by the content gate). Review, edit, approve or reject them; approved posts are scheduled for posting by the team, nothing is published automatically.");
        bool notified = await context.CallActivityAsync<bool>(OperatorAlertActivities.Send, new OperatorAlert(input.TenantId, AlertKind, OperatorAlertSeverity.Info,
            $"Weekly content suggestions {week} — اقتراحات المحتوى الأسبوعية", body, $"content:{input.TenantId}:{week}", "marketing",
            $"/api/v1/marketing/content-calendar?week={week}&tenant={input.TenantId}"), Retries.Notification);
        result = result with { Notified = notified };
        context.SetCustomStatus(result);
        return result;
    }
}
