using Dealix.Orchestrations.Deals;
using Dealix.Orchestrations.Deals.Activities;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Incidents.Activities;
using Dealix.Orchestrations.Incidents.Contracts;
using Dealix.Orchestrations.Incidents.Rules;
using Dealix.Orchestrations.Notifications;
using Dealix.Orchestrations.Tasks;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.Incidents;

/// <summary>
/// One run of <see cref="IncidentResponseOrchestrator"/>: the state it keeps between waits. Every wait (plan tasks, the
/// status event, the cadence and PDPL timers, the pending approvals) is created once and raced in one loop, in a fixed
/// order, so a replay makes the same choices.
/// </summary>
internal sealed class IncidentRun(TaskOrchestrationContext context, IncidentOpenRequest input) : IDisposable
{
    private const string Open = "open", Completed = "completed";

    private readonly Dictionary<string, Task<HumanTaskOutcome>> _taskWaits = [];
    private readonly List<(string DraftId, Task<DraftDecision> Decision)> _approvals = [];
    private IncidentState _state = null!;
    private IncidentResponsePlan _plan = null!;
    private CancellationTokenSource? _cadenceCancel;
    private Task? _cadence;
    private CancellationTokenSource? _pdplCancel;
    private Task? _pdplTimer;
    private int _pdplIndex;

    private string InstanceId => context.InstanceId;

    /// <summary>
    /// The business key (<c>incident:{tenant}:{incidentId}</c>, also the usual instance id): task, draft and alert ids
    /// are made from it, so they do not depend on the id a run is started or replayed under.
    /// </summary>
    private string Key => IncidentKeys.InstanceId(input.Tenant, input.IncidentId);

    private DateTime Now => context.CurrentUtcDateTime;

    public async Task<IncidentState> RunAsync()
    {
        IncidentTriage triage = await context.CallActivityAsync<IncidentTriage>(TriageIncident.Name,
            new IncidentTriageInput(input.HasDataLeak, input.HasUnauthorizedSend, input.AffectedCustomers, input.Description, input.PersonalDataExposed),
            Retries.Classification);
        _plan = IncidentPlaybook.Plan(triage, input.DetectedAt);
        // A P0 ticket freezes live actions as a precaution whatever the severity, until the founder reviews (§11.2).
        bool freeze = IncidentPlanTasks.FreezesOnTriage(triage) || input.Source == IncidentSources.Ticket;
        bool global = freeze && IncidentPlanTasks.FreezesGlobally(triage);
        IReadOnlyList<IncidentPlanTask> tasks = IncidentPlanTasks.For(_plan, triage, freeze, input.DetectedAt);
        _state = new IncidentState
        {
            Tenant = input.Tenant,
            IncidentId = input.IncidentId,
            InstanceId = InstanceId,
            Title = input.Title,
            Source = input.Source,
            Severity = triage.Severity,
            Commander = IncidentPlanTasks.Commander(triage.Severity),
            CommCadence = triage.CommCadence,
            CorrelationId = input.CorrelationId,
            Phase = "open",
            DetectedAt = input.DetectedAt,
            Steps = [.. tasks.Select(t => new IncidentStepState(t.Key, t.Title, t.OwnerRole, IncidentKeys.TaskId(Key, t.Key), t.DueAt, Open))],
            Pdpl = new IncidentPdplState(triage.PdplNotificationRequired, _plan.Pdpl.DueAt, triage.PdplNotificationRequired ? "pending" : "not_required", 0),
            Updates = [],
            TicketId = input.TicketId,
        };
        context.CreateReplaySafeLogger<IncidentResponseOrchestrator>().IncidentOpened(InstanceId, input.Tenant, triage.Severity.ToString(), input.CorrelationId);
        Publish();

        if (freeze)
        {
            await context.CallActivityAsync<bool>(FreezeTenant.Name,
                new FreezeTenantInput(input.Tenant, input.IncidentId, true, "automation", input.CorrelationId, global), Retries.Storage);
            _state = _state with { Frozen = true, FrozenAt = Now, FreezeScope = global ? "global" : "tenant" };
        }

        bool paged = triage.Severity != IncidentSeverity.SEV3;
        await AlertAsync(OperatorAlertKinds.IncidentOpened, paged ? "critical" : "warning", paged ? "founder" : _state.Commander, "opened",
            $"Incident {input.IncidentId} opened ({triage.Severity})",
            $"Tenant {input.Tenant}, incident {input.IncidentId}, severity {triage.Severity}, source {input.Source}, first action within {triage.FirstActionMinutes} min, " +
            $"frozen: {(_state.Frozen ? _state.FreezeScope : "no")}, PDPL notification required: {(_state.Pdpl.Required ? "yes" : "no")}.");
        await SaveAsync();

        await Task.WhenAll(tasks.Select(t => CreateTaskAsync(_state.Steps.Single(s => s.Key == t.Key))));
        await DraftUpdateAsync(IncidentCommunication.Initial, note: null);
        ScheduleCadence(Now);
        SchedulePdpl();
        Publish();

        Task<IncidentStatusChange>? statusWait = context.WaitForExternalEvent<IncidentStatusChange>(IncidentEvents.StatusChanged);
        while (!IsDone())
        {
            var waits = new List<Task>();
            waits.AddRange(_state.Steps.Where(s => s.Status == Open).Select(s => _taskWaits[s.Key]));
            if (statusWait is not null)
            {
                waits.Add(statusWait);
            }

            if (_cadence is not null)
            {
                waits.Add(_cadence);
            }

            if (_pdplTimer is not null)
            {
                waits.Add(_pdplTimer);
            }

            waits.AddRange(_approvals.Select(a => a.Decision));
            Task first = await Task.WhenAny(waits);
            if (first == statusWait)
            {
                IncidentStatusChange change = await statusWait;
                statusWait = await OnStatusChangedAsync(change)
                    ? null
                    : context.WaitForExternalEvent<IncidentStatusChange>(IncidentEvents.StatusChanged);
            }
            else if (first == _cadence)
            {
                await DraftUpdateAsync(IncidentCommunication.Update, note: null);
                ScheduleCadence(Now);
            }
            else if (first == _pdplTimer)
            {
                await OnPdplTimerAsync();
            }
            else if (_approvals.FindIndex(a => a.Decision == first) is var approval and >= 0)
            {
                (string draftId, Task<DraftDecision> decision) = _approvals[approval];
                _approvals.RemoveAt(approval);
                SetUpdateStatus(draftId, Wire((await decision).Decision));
            }
            else
            {
                IncidentStepState step = _state.Steps.First(s => s.Status == Open && _taskWaits[s.Key] == first);
                await OnStepEndedAsync(step, await _taskWaits[step.Key]);
            }

            Publish();
        }

        _cadenceCancel?.Cancel();
        _pdplCancel?.Cancel();
        _state = _state with { Phase = "closed", ClosedAt = Now };
        await SaveAsync();
        Publish();
        context.CreateReplaySafeLogger<IncidentResponseOrchestrator>().IncidentClosed(InstanceId, input.Tenant, input.CorrelationId);
        return _state;
    }

    private bool IsDone() => _state.Phase == IncidentStatusChange.Resolved && _state.Steps.All(s => s.Status != Open) && _approvals.Count == 0;

    private async Task<bool> OnStatusChangedAsync(IncidentStatusChange change)
    {
        if (change.Status == IncidentStatusChange.Contained && _state.ContainedAt is null)
        {
            _state = _state with { Phase = IncidentStatusChange.Contained, ContainedAt = Now };
            await SaveAsync();
            if (_cadence is not null)
            {
                // Customers hear of the containment now; SEV1 then moves from every 30 minutes to every 4 hours.
                await DraftUpdateAsync(IncidentCommunication.Update, change.Note);
                ScheduleCadence(Now);
            }

            return false;
        }

        if (change.Status != IncidentStatusChange.Resolved)
        {
            return false;
        }

        _cadenceCancel?.Cancel();
        _cadence = null;
        _state = _state with { Phase = IncidentStatusChange.Resolved, ContainedAt = _state.ContainedAt ?? Now, ResolvedAt = Now };
        await DraftUpdateAsync(IncidentCommunication.Resolved, change.Note);
        PostMortemDraft postMortem = PostMortemWriter.Draft(_state, input, Now);
        _state = _state with { PostMortemDrafted = true };
        await SaveAsync(postMortem);
        context.CreateReplaySafeLogger<IncidentResponseOrchestrator>().IncidentResolved(InstanceId, input.Tenant, input.CorrelationId);
        return true;
    }

    private async Task OnStepEndedAsync(IncidentStepState step, HumanTaskOutcome outcome)
    {
        IncidentPlanTask? retry = null;
        bool unfreeze = step.Key == IncidentPlanTasks.UnfreezeKey;
        bool pdpl = step.Key.StartsWith(IncidentPlanTasks.PdplKey, StringComparison.Ordinal);
        if (outcome.Outcome != Completed && pdpl)
        {
            // The PDPL decision cannot be waved away: a rejected task is asked again.
            int attempt = _state.Steps.Count(s => s.Key.StartsWith(IncidentPlanTasks.PdplKey, StringComparison.Ordinal)) + 1;
            retry = new IncidentPlanTask($"{IncidentPlanTasks.PdplKey}_r{attempt}", step.Title, step.OwnerRole, step.DueAt > Now ? step.DueAt : Now.AddHours(1));
        }
        else if (unfreeze && _state.Frozen)
        {
            await context.CallActivityAsync<bool>(FreezeTenant.Name,
                new FreezeTenantInput(input.Tenant, input.IncidentId, false, outcome.CompletedBy, input.CorrelationId, _state.FreezeScope == "global"), Retries.Storage);
            _state = _state with { Frozen = false, UnfrozenAt = Now, UnfrozenBy = outcome.CompletedBy };
        }
        else if (pdpl)
        {
            string? given = outcome.Result?.GetValueOrDefault("pdpl");
            string decision = given is "sent" or "not_required" ? given : _state.Pdpl.Required ? "sent" : "not_required";
            _state = _state with
            {
                Pdpl = _state.Pdpl with { Status = decision, Reference = outcome.Result?.GetValueOrDefault("reference"), DecidedBy = outcome.CompletedBy },
            };
            _pdplCancel?.Cancel();
            _pdplTimer = null;
        }

        ReplaceStep(step with { Status = outcome.Outcome, By = outcome.CompletedBy, At = outcome.CompletedAt.UtcDateTime });
        if (retry is not null)
        {
            var state = new IncidentStepState(retry.Key, retry.Title, retry.OwnerRole, IncidentKeys.TaskId(Key, retry.Key), retry.DueAt, Open);
            _state = _state with { Steps = [.. _state.Steps, state] };
            await CreateTaskAsync(state);
        }

        if (!_state.Acknowledged && _state.Steps.All(s => s.Status != Open))
        {
            _state = _state with { Acknowledged = true, AcknowledgedAt = Now };
            context.CreateReplaySafeLogger<IncidentResponseOrchestrator>().IncidentAcknowledged(InstanceId, input.Tenant, input.CorrelationId);
        }

        await SaveAsync();
    }

    private async Task OnPdplTimerAsync()
    {
        IReadOnlyList<DateTime> reminders = _plan.Pdpl.Reminders;
        if (_pdplIndex < reminders.Count)
        {
            int hours = (int)Math.Round((reminders[_pdplIndex] - input.DetectedAt).TotalHours);
            await AlertAsync("pdpl_reminder", "warning", "founder", $"pdpl/{hours}h",
                $"PDPL notification due in {72 - hours} h: incident {input.IncidentId}",
                $"Tenant {input.Tenant}, incident {input.IncidentId}: personal data is involved; the regulator notification is due at {Iso(_plan.Pdpl.DueAt)}. " +
                "Mark it sent (with the reference) or not required (with the reason) on the PDPL task.");
            _state = _state with { Pdpl = _state.Pdpl with { RemindersSent = _state.Pdpl.RemindersSent + 1 } };
        }
        else
        {
            await AlertAsync("pdpl_breach", "critical", "founder", "pdpl/breach",
                $"PDPL notification overdue: incident {input.IncidentId}",
                $"Tenant {input.Tenant}, incident {input.IncidentId}: 72 hours passed since detection at {Iso(input.DetectedAt)} and the notification is neither sent nor declared not required.");
            _state = _state with { Pdpl = _state.Pdpl with { Status = "overdue" } };
            context.CreateReplaySafeLogger<IncidentResponseOrchestrator>().PdplOverdue(InstanceId, input.Tenant, input.CorrelationId);
        }

        _pdplIndex++;
        await SaveAsync();
        SchedulePdpl();
    }

    private void SchedulePdpl()
    {
        _pdplTimer = null;
        if (!_state.Pdpl.Required || _state.Pdpl.Status is not ("pending" or "overdue") || _pdplIndex > _plan.Pdpl.Reminders.Count)
        {
            return;
        }

        DateTime at = _pdplIndex < _plan.Pdpl.Reminders.Count ? _plan.Pdpl.Reminders[_pdplIndex] : _plan.Pdpl.DueAt;
        _pdplCancel?.Dispose();
        _pdplCancel = new CancellationTokenSource();
        _pdplTimer = context.CreateTimer(at, _pdplCancel.Token);
    }

    public void Dispose()
    {
        _cadenceCancel?.Dispose();
        _pdplCancel?.Dispose();
    }

    private void ScheduleCadence(DateTime from)
    {
        _cadenceCancel?.Cancel();
        _cadenceCancel?.Dispose();
        _cadenceCancel = new CancellationTokenSource();
        _cadence = context.CreateTimer(IncidentCommunication.NextUpdateAt(_state.Severity, _state.ContainedAt is not null, from), _cadenceCancel.Token);
    }

    private async Task CreateTaskAsync(IncidentStepState step)
    {
        await context.CallActivityAsync<bool>(HumanTaskActivities.Create, new HumanTaskRequest(
            step.TaskId, input.Tenant, "incident", step.Key, $"[{_state.Severity}] {step.Title}", step.OwnerRole, InstanceId,
            new DateTimeOffset(DateTime.SpecifyKind(step.DueAt, DateTimeKind.Utc)), input.IncidentId,
            new Dictionary<string, string> { ["incident_id"] = input.IncidentId, ["severity"] = _state.Severity.ToString(), ["correlation_id"] = input.CorrelationId }),
            Retries.Storage);
        _taskWaits[step.Key] = step.Key == IncidentPlanTasks.UnfreezeKey
            ? FounderUnfreezeAsync(step.TaskId)
            : context.WaitForExternalEvent<HumanTaskOutcome>(HumanTaskEvents.Completed(step.TaskId));
    }

    /// <summary>The founder's decision from the founder-only route, as the outcome of the unfreeze task.</summary>
    private async Task<HumanTaskOutcome> FounderUnfreezeAsync(string taskId)
    {
        IncidentStatusChange decision = await context.WaitForExternalEvent<IncidentStatusChange>(IncidentEvents.Unfreeze);
        return new HumanTaskOutcome(taskId, Completed, decision.By, new DateTimeOffset(DateTime.SpecifyKind(decision.At, DateTimeKind.Utc)));
    }

    /// <summary>Drafts one §13.5 message for approval; a still-pending older update is withdrawn (superseded).</summary>
    private async Task DraftUpdateAsync(string kind, string? note)
    {
        int number = _state.UpdatesDrafted + 1;
        foreach ((string draftId, _) in _approvals.ToList())
        {
            bool withdrawn = await context.CallActivityAsync<bool>(CloseDraft.Name, new CloseDraftInput(input.Tenant, draftId, DraftStatus.Cancelled, "superseded",
                input.CorrelationId, DealKeys.IdempotencyKey(Key, Now, $"withdraw/{draftId}")), Retries.Storage);
            if (withdrawn)
            {
                context.SendEvent(DealKeys.ApprovalInstanceId(input.Tenant, draftId), DealEvents.DraftDecided, DraftDecision.Cancelled(draftId, "superseded"));
            }
        }

        string id = DealKeys.IdempotencyKey(Key, input.DetectedAt, $"update/{number}");
        var draft = new ReplyDraft
        {
            DraftId = id,
            TenantId = input.Tenant,
            DealInstanceId = InstanceId,
            ContactId = "incident-" + input.IncidentId,
            Channel = MessageChannel.Email,
            To = input.CustomerEmail ?? string.Empty,
            Text = IncidentCommunication.Text(kind, _state.Severity, input.Scope, _state.ContainedAt is not null, note),
            Subject = $"Dealix incident {input.IncidentId}",
            Kind = DraftKind.Reply,
            Category = "incident_" + kind,
            Stage = DealStage.NewLead,
            Status = DraftStatus.PendingApproval,
            CorrelationId = input.CorrelationId,
            CreatedAt = Now,
        };
        await context.CallActivityAsync<ReplyDraft>(CreateReplyDraft.Name, new CreateDraftInput(draft, DealKeys.IdempotencyKey(Key, Now, $"draft/{number}")),
            Retries.Storage);
        Task<DraftDecision> decision = context.CallSubOrchestratorAsync<DraftDecision>(IncidentUpdateApprovalOrchestrator.Name,
            new IncidentUpdateApprovalInput(input.Tenant, id, InstanceId, input.IncidentId, input.CorrelationId),
            new SubOrchestrationOptions(instanceId: DealKeys.ApprovalInstanceId(input.Tenant, id)));
        _approvals.Add((id, decision));
        const int Kept = 12; // the status keeps the latest drafts; the count says how many there were
        _state = _state with
        {
            UpdatesDrafted = number,
            Updates = [.. _state.Updates.Append(new IncidentUpdateState(id, kind, Now, "pending_approval")).TakeLast(Kept)],
        };
    }

    private void SetUpdateStatus(string draftId, string status) =>
        _state = _state with { Updates = [.. _state.Updates.Select(u => u.DraftId == draftId ? u with { Status = status } : u)] };

    private void ReplaceStep(IncidentStepState step) =>
        _state = _state with { Steps = [.. _state.Steps.Select(s => s.Key == step.Key ? step : s)] };

    private Task<bool> AlertAsync(string kind, string severity, string owner, string slot, string title, string body) =>
        context.CallActivityAsync<bool>(OperatorAlertActivities.Send,
            new OperatorAlert(input.Tenant, kind, severity, title, body, $"{Key}:{slot}", owner, OperatorLinks.Incident(input.Tenant, input.IncidentId)),
            Retries.Notification);

    private Task<bool> SaveAsync(PostMortemDraft? postMortem = null) =>
        context.CallActivityAsync<bool>(SaveIncident.Name, new SaveIncidentInput(_state, postMortem), Retries.Storage);

    private void Publish() => context.SetCustomStatus(_state);

    private static string Wire(DraftDecisionKind kind) => System.Text.Json.JsonSerializer.Serialize(kind).Trim('"');

    private static string Iso(DateTime at) => DateTime.SpecifyKind(at, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
