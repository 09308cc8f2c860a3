using Dealix.Orchestrations.Deals.Connectors.Contracts;
using Dealix.Orchestrations.Deals.Connectors.Ports;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Deals.Ports;
using Dealix.Orchestrations.Onboarding.Ports;
using Dealix.Orchestrations.Onboarding.Rules;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.Deals.Connectors.Activities;

/// <summary>
/// Performs an approved calendar or CRM action through the provider, after checking again what the connector allows now:
/// the connector must be <c>connected_approved_execute</c> and the environment's live flag on (I2, §6.5: connecting
/// Calendar never enables insert by itself). The provider call carries the action's key, so a retry finds the event or
/// record the first attempt made. Every outcome is on the ledger (Class B). Never sends a message.
/// </summary>
[DurableTask(Name)]
public sealed class ExecuteConnectorAction(IConnectorStore connectors, IDealConnectorGateway gateway, IAuditLedger ledger, TimeProvider clock)
    : TaskActivity<ExecuteConnectorActionInput, ConnectorActionResult>
{
    public const string Name = "ExecuteConnectorAction";

    public override async Task<ConnectorActionResult> RunAsync(TaskActivityContext context, ExecuteConnectorActionInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        DealConnectorAction action = input.Action;
        string state = (await connectors.ListAsync(action.TenantId, DealConnectorActions.ConnectorsCustomerId(action.TenantId)))
            .FirstOrDefault(c => c.ConnectorId == action.ConnectorId)?.State ?? "not_started";
        string? refusal = ConnectorPolicy.Refusal(action.ConnectorId, state, DealConnectorActions.ExecutionVerb(action.Action), gateway.LiveExecute, approved: true);
        if (refusal is not null)
        {
            await RecordAsync(input, "connector_action_not_executed", refusal);
            return new ConnectorActionResult("not_executed", refusal);
        }

        try
        {
            string providerId = action.Action switch
            {
                DealConnectorActions.BookMeeting => await gateway.InsertCalendarEventAsync(new CalendarEventRequest(action.TenantId,
                    DealConnectorActions.CalendarEventId(action.DraftId), $"Dealix meeting: {action.ContactName ?? action.ContactId}",
                    $"Deal {action.DealInstanceId} (correlation {action.CorrelationId})", action.MeetingAt!.Value,
                    action.MeetingAt.Value + DealConnectorActions.MeetingLength, (int)DealConnectorActions.ReminderLead.TotalMinutes)),
                DealConnectorActions.SyncCrm => await gateway.UpsertCrmDealAsync(new CrmDealUpsert(action.TenantId, action.DealInstanceId,
                    $"Dealix {action.ContactId}", DealConnectorActions.CrmStage(action.Stage), action.CorrelationId)),
                _ => throw new ArgumentException($"'{action.Action}' is not executed through a provider here.", nameof(input)),
            };
            await RecordAsync(input, "connector_action_executed", providerId);
            return new ConnectorActionResult("executed", null, providerId);
        }
        catch (ConnectorRejectedException e)
        {
            await RecordAsync(input, "connector_action_failed", "provider_rejected");
            return new ConnectorActionResult("failed", e.Message);
        }
    }

    private Task RecordAsync(ExecuteConnectorActionInput input, string outcomeAction, string reason) =>
        ledger.AppendAsync(new AuditEntry(AuditIds.From(input.IdempotencyKey), input.Action.TenantId, input.Action.CorrelationId, input.Action.Action, "B",
            input.ApprovedBy, input.Action.DealInstanceId, clock.GetUtcNow().UtcDateTime, To: input.Action.ConnectorId, Reason: reason,
            ApprovalId: input.Action.DraftId, Outcome: outcomeAction));
}
