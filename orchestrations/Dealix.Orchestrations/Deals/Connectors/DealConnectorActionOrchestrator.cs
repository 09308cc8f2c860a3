using Dealix.Orchestrations.Deals.Activities;
using Dealix.Orchestrations.Deals.Connectors.Activities;
using Dealix.Orchestrations.Deals.Connectors.Contracts;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Notifications;
using Dealix.Orchestrations.Tasks;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.Deals.Connectors;

/// <summary>
/// One connector action of a deal (<see cref="DealConnectorActions"/>: <c>book_meeting</c>, <c>sync_crm</c>,
/// <c>meeting_reminder</c>), started by <see cref="DealLifecycleOrchestrator"/> when a stage asks for it, under the id
/// <c>approval:{tenantId}:{draftId}</c>, so the approval center and its signed links decide it like any draft. Nothing
/// happens unless the tenant's connector is connected. Then it puts the action up for approval (Class B, §4.1; it needs
/// the correlation id, I6), reminds the team lead at 75 % of the SLA, alerts the founder at the SLA and expires the
/// request after it (§4.4, §4.6). Once approved, a calendar or CRM action is executed through the provider (only with
/// the connector in <c>connected_approved_execute</c> and the live flag on; otherwise a person is asked to do it by hand),
/// and a reminder, which first waits until one hour before the meeting, is handed to the outbox like any approved
/// message. Never sends or writes anything without that approval.
/// </summary>
[DurableTask(Name)]
public sealed class DealConnectorActionOrchestrator : TaskOrchestrator<DealConnectorAction, ConnectorActionResult>
{
    public const string Name = "DealConnectorAction";

    public override async Task<ConnectorActionResult> RunAsync(TaskOrchestrationContext context, DealConnectorAction input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        int calls = 0;
        string Key(string step) => DealKeys.IdempotencyKey(context.InstanceId, input.RequestedAt, $"{++calls}/{step}");
        void Status(string state) => context.SetCustomStatus(new { action = input.Action, connector = input.ConnectorId, deal = input.DealInstanceId, state });

        if (input.Action == DealConnectorActions.MeetingReminder && input.MeetingAt is { } meeting && meeting - DealConnectorActions.ReminderLead > context.CurrentUtcDateTime)
        {
            Status("scheduled");
            await context.CreateTimer(meeting - DealConnectorActions.ReminderLead, CancellationToken.None);
        }

        ConnectorCheck check = await context.CallActivityAsync<ConnectorCheck>(CheckDealConnector.Name, new ConnectorRef(input.TenantId, input.ConnectorId), Retries.Storage);
        if (check.Refusal is { } notConnected)
        {
            Status("skipped");
            return new ConnectorActionResult("skipped", notConnected);
        }

        if (string.IsNullOrWhiteSpace(input.CorrelationId))
        {
            await context.CallActivityAsync<bool>(RecordAudit.Name, new RecordAuditInput(input.TenantId, string.Empty, "missing_correlation_id", "B", "automation",
                input.DealInstanceId, Key(RecordAudit.Name), Reason: input.Action, Outcome: "refused"), Retries.Storage);
            Status("refused");
            return new ConnectorActionResult("refused", "missing_correlation_id");
        }

        DateTime now = context.CurrentUtcDateTime;
        (DateTime warning, DateTime due, DateTime expires) = DealConnectorActions.Sla(input.Action, now, input.MeetingAt);
        bool reminder = input.Action == DealConnectorActions.MeetingReminder;
        var draft = new ReplyDraft
        {
            DraftId = input.DraftId,
            TenantId = input.TenantId,
            DealInstanceId = input.DealInstanceId,
            ContactId = input.ContactId,
            Channel = input.Channel,
            To = reminder ? input.Address : input.ConnectorId,
            Text = DealConnectorActions.Describe(input),
            Kind = reminder ? DraftKind.FollowUp : DraftKind.ConnectorAction,
            Category = input.Action,
            Stage = input.Stage,
            Status = DraftStatus.PendingApproval,
            CorrelationId = input.CorrelationId,
            CreatedAt = now,
            ExpiresAt = expires,
            AssignedOperator = "operator",
        };
        await context.CallActivityAsync<ReplyDraft>(CreateReplyDraft.Name, new CreateDraftInput(draft, Key(CreateReplyDraft.Name)), Retries.Storage);
        Status("awaiting_approval");

        DraftDecision? decision = null;
        Task<DraftDecision> decided = context.WaitForExternalEvent<DraftDecision>(DealEvents.DraftDecided);
        (DateTime At, string Kind, string Severity, string Role)[] ladder =
        [
            (warning, OperatorAlertKinds.ApprovalReminder, OperatorAlertSeverity.Warning, "team_lead"),
            (due, OperatorAlertKinds.ApprovalEscalation, OperatorAlertSeverity.Critical, "founder"),
            (expires, "expire", string.Empty, string.Empty),
        ];
        foreach ((DateTime at, string kind, string severity, string role) in ladder)
        {
            using var timerCancellation = new CancellationTokenSource();
            Task lapsed = context.CreateTimer(at, timerCancellation.Token);
            if (await Task.WhenAny(decided, lapsed) == decided)
            {
                timerCancellation.Cancel(); // an open durable timer would keep the instance alive
                decision = await decided;
                break;
            }

            if (kind == "expire")
            {
                bool expired = await context.CallActivityAsync<bool>(CloseDraft.Name, new CloseDraftInput(input.TenantId, input.DraftId, DraftStatus.Expired,
                    "approval_sla_expired", input.CorrelationId, Key(CloseDraft.Name)), Retries.Storage);
                decision = expired ? DraftDecision.Expired(input.DraftId) : await decided; // a last-moment decision won the update
                break;
            }

            await context.CallActivityAsync<bool>(OperatorAlertActivities.Send, new OperatorAlert(input.TenantId, kind, severity,
                $"Deal action waiting for approval: {input.Action}",
                $"Approval {input.DraftId} ({input.Action} through {input.ConnectorId}) of deal {input.DealInstanceId} is waiting.",
                $"{context.InstanceId}:{kind}", role, $"/api/v1/approval-center?tenant={input.TenantId}"), Deals.Retries.Notification);
        }

        if (decision is not { IsApproved: true })
        {
            string outcome = decision?.Decision == DraftDecisionKind.Expired ? "expired" : "rejected";
            Status(outcome);
            return new ConnectorActionResult(outcome, decision?.Reason);
        }

        ConnectorActionResult result;
        if (reminder)
        {
            // The channel may have been disconnected while the reminder waited for its approval.
            ConnectorCheck still = await context.CallActivityAsync<ConnectorCheck>(CheckDealConnector.Name, new ConnectorRef(input.TenantId, input.ConnectorId), Retries.Storage);
            result = still.Refusal is { } gone
                ? new ConnectorActionResult("not_executed", gone)
                : await context.CallActivityAsync<bool>(QueueOutboundMessage.Name, new OutboundMessage(input.TenantId, input.DraftId, input.DealInstanceId, input.Channel,
                    input.CorrelationId, AutoApproved: false), Retries.Storage) ? new ConnectorActionResult("executed", "queued") : new ConnectorActionResult("refused", "missing_correlation_id");
        }
        else
        {
            result = await context.CallActivityAsync<ConnectorActionResult>(ExecuteConnectorAction.Name,
                new ExecuteConnectorActionInput(input, decision.Reviewer, Key(ExecuteConnectorAction.Name)), Retries.Provider);
        }

        if (result.Outcome == "not_executed")
        {
            // §6.2 manual: the approved action is done by a person in the provider's own dashboard.
            await context.CallActivityAsync<bool>(HumanTaskActivities.Create, new HumanTaskRequest($"{context.InstanceId}:manual", input.TenantId, "deal", input.Action,
                $"Do by hand (approved, automation may not: {result.Reason}): {input.Action} through {input.ConnectorId}", "operator", context.InstanceId,
                new DateTimeOffset(DateTime.SpecifyKind(BusinessCalendar.AddBusinessDays(context.CurrentUtcDateTime, 1), DateTimeKind.Utc)), input.ContactId,
                new Dictionary<string, string>(StringComparer.Ordinal) { ["approval_id"] = input.DraftId, ["deal_id"] = input.DealInstanceId, ["reason"] = result.Reason ?? string.Empty }),
                Retries.Storage);
        }

        Status(result.Outcome);
        return result;
    }
}
