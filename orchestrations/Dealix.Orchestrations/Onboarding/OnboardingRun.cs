using System.Text.Json;
using Dealix.Orchestrations.Deals;
using Dealix.Orchestrations.Deals.Activities;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Notifications;
using Dealix.Orchestrations.Onboarding.Activities;
using Dealix.Orchestrations.Onboarding.Contracts;
using Dealix.Orchestrations.Onboarding.Rules;
using Dealix.Orchestrations.Tasks;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.Onboarding;

/// <summary>
/// The work of one <see cref="OnboardingOrchestrator"/> run; every call goes through the context (replay-safe). A class
/// of its own, as in the deal area: the analyzers fail on an orchestrator declared across several files.
/// </summary>
// WARNING: the order of the calls below is part of the recorded history; add steps only behind a new version.
internal sealed class OnboardingRun(TaskOrchestrationContext context, OnboardingInput input)
{
    /// <summary>How often one step may go round (rejections, connector changes) before the onboarding gives up on it.</summary>
    internal const int MaxRounds = 100;

    private readonly Dictionary<string, int> _attempts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _recovered = new(StringComparer.Ordinal);
    private int _calls;
    private OnboardingStatus _status = null!;

    // The business key, not context.InstanceId: task ids, draft ids and event names derive from it, and they must be
    // the same wherever the history is replayed.
    private string InstanceId => OnboardingKeys.InstanceId(input.TenantId, input.CustomerId);

    private DateTime Now => context.CurrentUtcDateTime;

    public async Task<OnboardingStatus> RunAsync()
    {
        _status = new OnboardingStatus(input.TenantId, input.CustomerId, "in_progress",
            [.. OnboardingRules.Steps.Select(s => new StepStatus(s.Id, "pending", PlanDay: s.Day))],
            OnboardingRules.Steps[0].Id, 0, Now, OnboardingPlan.Deadline(Now), CorrelationId: input.CorrelationId);
        Publish();
        await AuditAsync("onboarding_started", input.StartedBy, reason: input.DealInstanceId is null ? "operator" : "pilot_active");

        // Day 1 (§5.2): the kick-off call, with the draft Pilot Agreement and DPA, is the operator's.
        Task<HumanTaskOutcome> kickoff = context.RunHumanTaskAsync(TaskRequest("kickoff", "operator",
            "Kick-off call (30 min); draft Pilot Agreement and DPA", OnboardingPlan.DayEnd(_status.StartedAt, 1)));

        StepInput goal = await InputAsync("select_goal");
        _status = _status with { Goal = goal.Values["goal"] };
        await CompleteAsync("select_goal", goal.SubmittedBy);

        for (int round = 1; round <= MaxRounds; round++)
        {
            StepInput bundle = await InputAsync("select_bundle");
            _status = _status with { Bundle = bundle.Values["bundle"] };
            bool nonStandard = bundle.Values.GetValueOrDefault("price") == "non_standard";
            if (await ApproveAsync("select_bundle", $"Bundle {bundle.Values["bundle"]} ({(nonStandard ? "non-standard" : "standard")} price)",
                nonStandard ? "founder" : "operator") is { } approver)
            {
                await CompleteAsync("select_bundle", approver);
                break;
            }
        }

        if (!IsCompleted("select_bundle"))
        {
            return await StopAsync("select_bundle", "too_many_rounds");
        }

        StepInput intake = await InputAsync("company_intake");
        await WaitAsync(kickoff, "kickoff", customerWait: false);
        await CompleteAsync("company_intake", intake.SubmittedBy);

        // Day 2: connectors, with the customer approving scopes and draft-only mode.
        for (int round = 1; round <= MaxRounds; round++)
        {
            SetStep("connect_channels", "in_progress");
            ConnectorGate gate = await ConnectorGateAsync("connect_channels");
            string connected = string.Join(", ", gate.Connectors.Where(c => c.State.StartsWith("connected_", StringComparison.Ordinal)).Select(c => c.ConnectorId));
            if (await ApproveAsync("connect_channels", $"Connectors (drafts only): {connected}", "customer_approver") is { } approver)
            {
                await CompleteAsync("connect_channels", approver);
                break;
            }
        }

        if (!IsCompleted("connect_channels"))
        {
            return await StopAsync("connect_channels", "too_many_rounds");
        }

        // Day 3: the list or source, then the risk review.
        for (int round = 1; round <= MaxRounds; round++)
        {
            StepInput source = await InputAsync("upload_or_source");
            string kind = source.Values["source"];
            if (kind == "none")
            {
                // §5.3: no list → offer the Free Diagnostic and show recommended accounts.
                await CreateTaskAsync(TaskRequest("recovery:no_list", "operator", "No list uploaded: offer the Free Diagnostic and show recommended accounts",
                    OnboardingPlan.DayEnd(_status.StartedAt, 3)));
            }

            _status = _status with { LeadSource = kind == "none" ? "recommended_accounts" : kind };
            if (await ApproveAsync("upload_or_source", $"Lead source {_status.LeadSource}: approve the safe channels after the contactability review", "operator") is { } approver)
            {
                await CompleteAsync("upload_or_source", approver);
                break;
            }
        }

        if (!IsCompleted("upload_or_source"))
        {
            return await StopAsync("upload_or_source", "too_many_rounds");
        }

        SetStep("risk_review", "in_progress");
        if (await ApproveAsync("risk_review", "Risk review (PDPL + reputation): approve to continue, reject to stop onboarding", "operator") is not { } reviewer)
        {
            return await StopAsync("risk_review", "risk_review_failed");
        }

        await CompleteAsync("risk_review", reviewer);

        // Day 4: the first service, behind the connector gate.
        for (int round = 1; round <= MaxRounds; round++)
        {
            SetStep("first_service_run", "in_progress");
            await ConnectorGateAsync("first_service_run");
            _status = _status with { FirstService = _status.LeadSource is "csv" or "crm" ? "list_intelligence" : "first_10_opportunities_sprint" };
            Publish();
            int attempt = Attempt("first_service_run:task");
            await WaitAsync(context.RunHumanTaskAsync(TaskRequest($"first_service_run:{attempt}", "operator",
                $"Run {_status.FirstService}: 10 opportunity cards and the Approval Pack (at most 3 buttons per card)", OnboardingPlan.DayEnd(_status.StartedAt, 4))),
                "first_service_run", customerWait: false);
            if (await ApproveAsync("first_service_run", $"Approval Pack of {_status.FirstService}", "customer_approver") is { } approver)
            {
                await CompleteAsync("first_service_run", approver);
                break;
            }
        }

        if (!IsCompleted("first_service_run"))
        {
            return await StopAsync("first_service_run", "too_many_rounds");
        }

        // Day 5: Proof Pack v1, approved by the customer, and the review meeting.
        SetStep("first_proof_pack", "in_progress");
        await WaitAsync(context.RunHumanTaskAsync(TaskRequest("deliver_proof_pack", "operator",
            "Deliver Proof Pack v1 (PDF + JSON + WhatsApp summary)", OnboardingPlan.DayEnd(_status.StartedAt, 5))), "first_proof_pack", customerWait: false);
        StepInput proof = await InputAsync("first_proof_pack");
        _status = _status with { ProofPackApproved = true };
        await WaitAsync(context.RunHumanTaskAsync(TaskRequest("review_meeting", "operator",
            "Proof Pack v1 review meeting (30 min)", OnboardingPlan.DayEnd(_status.StartedAt, 5))), "first_proof_pack", customerWait: false);
        await CompleteAsync("first_proof_pack", proof.SubmittedBy);
        return await FinishAsync();
    }

    /// <summary>§5.4: waits until the criteria hold, turning the customer-success cadence on, then completes.</summary>
    private async Task<OnboardingStatus> FinishAsync()
    {
        for (int round = 1; round <= MaxRounds; round++)
        {
            ConnectorGate gate = await context.CallActivityAsync<ConnectorGate>(ReadConnectorGate.Name, new CustomerRef(input.TenantId, input.CustomerId), Retries.Storage);
            IReadOnlyList<string> unmet = OnboardingAcceptance.Unmet(_status, gate, customerSuccessActive: true);
            _status = _status with { ReadyForFirstService = gate.ReadyForFirstService, UnmetCriteria = unmet };
            if (unmet.Count == 0)
            {
                break;
            }

            _status = _status with { Waiting = [.. unmet] };
            Publish();
            await WaitAsync(context.WaitForExternalEvent<string>(OnboardingEvents.ConnectorsChanged), "acceptance", customerWait: true);
        }

        if (_status.UnmetCriteria is { Count: > 0 })
        {
            return await StopAsync("first_proof_pack", "too_many_rounds");
        }

        var start = new CustomerSuccessStart(input.TenantId, input.CustomerId, _status.Bundle ?? "growth_starter", Now);
        await context.CallActivityAsync<bool>(StartOrchestrationOnce.Name, new StartOnceInput(OnboardingKeys.CustomerSuccessOrchestrator,
            OnboardingKeys.CustomerSuccessInstanceId(input.TenantId, input.CustomerId), JsonSerializer.SerializeToElement(start)), Retries.Storage);
        _status = _status with { CustomerSuccessActive = true, State = "completed", Waiting = [], UnmetCriteria = [] };
        Publish();
        await AuditAsync("onboarding_completed", "automation", outcome: "onboarded");
        return _status;
    }

    /// <summary>Waits for the customer's input to a step, reminding and escalating while it waits.</summary>
    private async Task<StepInput> InputAsync(string stepId)
    {
        SetStep(stepId, "in_progress", waiting: $"customer:{stepId}");
        return await WaitAsync(context.WaitForExternalEvent<StepInput>(OnboardingEvents.StepInput(stepId)), stepId, customerWait: true);
    }

    /// <summary>
    /// Puts the step up for approval in the approval center and waits. Returns the approver, or null when rejected
    /// (the step goes back to <c>in_progress</c>).
    /// </summary>
    private async Task<string?> ApproveAsync(string stepId, string summary, string approverRole)
    {
        string draftId = OnboardingKeys.ApprovalDraftId(InstanceId, stepId, Attempt(stepId));
        var draft = new ReplyDraft
        {
            DraftId = draftId,
            TenantId = input.TenantId,
            DealInstanceId = InstanceId,
            ContactId = input.CustomerId,
            Channel = MessageChannel.Email,
            To = approverRole,
            Text = summary,
            Kind = DraftKind.OnboardingStep,
            Category = stepId,
            Stage = DealStage.PilotActive,
            Status = DraftStatus.PendingApproval,
            CorrelationId = input.CorrelationId,
            CreatedAt = Now,
            AssignedOperator = approverRole,
        };
        SetStep(stepId, "awaiting_approval", waiting: $"approval:{draftId}", approvalId: draftId);
        DraftDecision decision = await WaitAsync(context.CallSubOrchestratorAsync<DraftDecision>(OnboardingApprovalOrchestrator.Name,
            new OnboardingApprovalInput(input.TenantId, draftId, InstanceId, stepId, approverRole, input.CorrelationId, draft, Key(CreateReplyDraft.Name)),
            new SubOrchestrationOptions(instanceId: DealKeys.ApprovalInstanceId(input.TenantId, draftId))), stepId, customerWait: false);
        await AuditAsync("onboarding_step_decided", decision.Reviewer, reason: stepId, outcome: decision.IsApproved ? "approved" : "rejected", approvalId: draftId);
        if (decision.IsApproved)
        {
            return decision.Reviewer;
        }

        SetStep(stepId, "in_progress", notes: $"rejected by {decision.Reviewer}: {decision.Reason}");
        return null;
    }

    /// <summary>Waits until the connector gate is open (§6.4), starting the recovery of failed connectors (§5.3, §6.6).</summary>
    private async Task<ConnectorGate> ConnectorGateAsync(string stepId)
    {
        for (int round = 1; round <= MaxRounds; round++)
        {
            ConnectorGate gate = await context.CallActivityAsync<ConnectorGate>(ReadConnectorGate.Name, new CustomerRef(input.TenantId, input.CustomerId), Retries.Storage);
            _status = _status with { ReadyForFirstService = gate.ReadyForFirstService };
            foreach (ConnectorRecord failed in gate.Failed.ToList())
            {
                if (!_recovered.Add($"{failed.ConnectorId}:{failed.ErrorCount}"))
                {
                    continue;
                }

                TroubleshootPlan plan = await context.CallActivityAsync<TroubleshootPlan>(TroubleshootConnector.Name, failed, Retries.Storage);
                if (plan.TaskKind is { } kind)
                {
                    await CreateTaskAsync(TaskRequest($"recovery:{kind}:{failed.ErrorCount}", plan.OwnerRole, plan.TaskTitle!, BusinessCalendar.AddBusinessDays(Now, 1)));
                }

                if (plan.Alert)
                {
                    await AlertAsync("connector_failed", "warning", plan.OwnerRole, $"Connector {failed.ConnectorId} failed ({plan.Reason})", $"{stepId}:{failed.ConnectorId}:{failed.ErrorCount}");
                }
            }

            if (gate.ReadyForFirstService)
            {
                Publish();
                return gate;
            }

            SetStep(stepId, "blocked", waiting: "connectors:" + string.Join(",", gate.BlockingMissing.DefaultIfEmpty("one_connected")));
            await WaitAsync(context.WaitForExternalEvent<string>(OnboardingEvents.ConnectorsChanged), stepId, customerWait: true);
            SetStep(stepId, "in_progress");
        }

        throw new InvalidOperationException($"The connectors of {input.CustomerId} changed {MaxRounds} times without opening the gate at {stepId}.");
    }

    /// <summary>
    /// Waits for <paramref name="work"/>, racing the §5.5 timers: after 1 and 2 business days of waiting on the customer
    /// the operator is reminded and the team lead alerted; at the end of plan day 5 without Proof Pack v1 the founder
    /// hears the onboarding is at risk. Timers that lose are cancelled.
    /// </summary>
    private async Task<T> WaitAsync<T>(Task<T> work, string label, bool customerWait)
    {
        DateTime since = Now;
        (DateTime reminder, DateTime escalation) = OnboardingPlan.CustomerWait(since);
        (DateTime At, string Kind, string Role)[] ladder = customerWait
            ? [(reminder, "onboarding_reminder", "operator"), (escalation, "onboarding_escalation", "team_lead")]
            : [];
        int next = 0;
        while (!work.IsCompleted)
        {
            using var timers = new CancellationTokenSource();
            var waits = new List<Task> { work };
            Task? stepTimer = next < ladder.Length ? context.CreateTimer(ladder[next].At, timers.Token) : null;
            Task? deadline = _status.AtRisk || _status.ProofPackApproved ? null : context.CreateTimer(_status.Deadline, timers.Token);
            if (stepTimer is not null)
            {
                waits.Add(stepTimer);
            }

            if (deadline is not null)
            {
                waits.Add(deadline);
            }

            if (waits.Count == 1)
            {
                return await work;
            }

            Task winner = await Task.WhenAny(waits);
            timers.Cancel();
            if (winner == stepTimer)
            {
                (DateTime _, string kind, string role) = ladder[next++];
                await AlertAsync(kind, "warning", role, $"Onboarding step waiting on the customer: {label}", $"{label}:{kind}:{since.Ticks}");
            }
            else if (winner == deadline)
            {
                _status = _status with { AtRisk = true };
                Publish();
                await AlertAsync(OperatorAlertKinds.AtRisk, "critical", "founder", "Onboarding at risk: no Proof Pack v1 by the end of business day 5", "at_risk");
                await AuditAsync("onboarding_at_risk", "automation", outcome: "founder_notified");
            }
        }

        return await work;
    }

    private async Task<OnboardingStatus> StopAsync(string stepId, string reason)
    {
        SetStep(stepId, "failed", notes: reason);
        _status = _status with { State = "stopped", StopReason = reason, Waiting = [] };
        Publish();
        // §5.3: stop onboarding and send a report to the founder.
        await CreateTaskAsync(TaskRequest("stop_report", "founder", $"Onboarding stopped at {stepId} ({reason}): review the report", BusinessCalendar.AddBusinessDays(Now, 1)));
        await AlertAsync("onboarding_stopped", "critical", "founder", $"Onboarding stopped at {stepId}: {reason}", "stopped");
        await AuditAsync("onboarding_stopped", "automation", reason: reason, outcome: "founder_notified");
        return _status;
    }

    private async Task CompleteAsync(string stepId, string by)
    {
        _status = _status with
        {
            Steps = [.. _status.Steps.Select(s => s.Id == stepId ? s with { State = "completed", Completed = true, CompletedAt = Now, ApprovedBy = by } : s)],
            Waiting = [],
        };
        Publish();
        await AuditAsync("onboarding_step_completed", by, reason: stepId, outcome: "completed");
    }

    private bool IsCompleted(string stepId) => _status.Steps.Any(s => s.Id == stepId && s.Completed);

    private void SetStep(string stepId, string state, string? waiting = null, string? approvalId = null, string? notes = null)
    {
        _status = _status with
        {
            Steps = [.. _status.Steps.Select(s => s.Id == stepId ? s with { State = state, ApprovalId = approvalId ?? s.ApprovalId, Notes = notes ?? s.Notes } : s)],
            Waiting = waiting is null ? [] : [waiting],
        };
        Publish();
    }

    private void Publish()
    {
        var completed = _status.Steps.Where(s => s.Completed).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        _status = _status with { CurrentStep = OnboardingRules.CurrentStep(completed), ProgressPct = OnboardingRules.ProgressPercent(completed) };
        context.SetCustomStatus(_status);
    }

    private int Attempt(string key)
    {
        int value = _attempts.GetValueOrDefault(key) + 1;
        _attempts[key] = value;
        return value;
    }

    private HumanTaskRequest TaskRequest(string step, string ownerRole, string title, DateTime dueAt) =>
        new($"{InstanceId}:{step}", input.TenantId, "onboarding", step.Split(':')[0] is "recovery" ? step.Split(':')[1] : step.Split(':')[0], title, ownerRole,
            InstanceId, new DateTimeOffset(DateTime.SpecifyKind(dueAt, DateTimeKind.Utc)), input.CustomerId);

    private Task<bool> CreateTaskAsync(HumanTaskRequest request) =>
        context.CallActivityAsync<bool>(HumanTaskActivities.Create, request, Retries.Storage);

    private Task<bool> AlertAsync(string kind, string severity, string role, string title, string key) =>
        context.CallActivityAsync<bool>(OperatorAlertActivities.Send, new OperatorAlert(input.TenantId, kind, severity, title,
            $"Onboarding {InstanceId} (customer {input.CustomerId}), current step {_status.CurrentStep}.", $"{InstanceId}:{key}", role,
            $"/api/v1/customer-ops/onboarding/checklist?customer_id={input.CustomerId}"), Retries.Notification);

    private string Key(string activity) => DealKeys.IdempotencyKey(InstanceId, Now, $"{++_calls}/{activity}");

    private Task<bool> AuditAsync(string action, string actor, string? reason = null, string? outcome = null, string? approvalId = null) =>
        context.CallActivityAsync<bool>(RecordAudit.Name, new RecordAuditInput(input.TenantId, input.CorrelationId, action, "A", actor, InstanceId,
            Key(RecordAudit.Name), reason, outcome, ApprovalId: approvalId), Retries.Storage);
}
