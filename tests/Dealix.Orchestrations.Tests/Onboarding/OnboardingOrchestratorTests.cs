using System.Text.Json;
using Dealix.Orchestrations.Deals;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Notifications;
using Dealix.Orchestrations.Onboarding;
using Dealix.Orchestrations.Onboarding.Contracts;
using Dealix.Orchestrations.Onboarding.Rules;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Dealix.Orchestrations.Tests.Onboarding;

/// <summary>The onboarding's whole life on the virtual clock (issue 12 items 1 and 6).</summary>
public sealed class OnboardingOrchestratorTests
{
    [Fact]
    public async Task FiveBusinessDays_ApprovalsInputsConnectorGateReminderEscalationAndRecovery_CompleteAndStartCustomerSuccess()
    {
        await using OnboardingHarness h = await OnboardingHarness.StartAsync();

        // Day 1 (Sunday): kick-off, goal, bundle (approved by the operator), company details.
        await h.StartOnboardingAsync();
        Assert.Equal(("in_progress", "select_goal", 0), ((await h.StatusAsync()).State, (await h.StatusAsync()).CurrentStep, (await h.StatusAsync()).ProgressPct));
        Assert.Contains(h.Tasks, t => t.TaskId == $"{OnboardingHarness.InstanceId}:kickoff" && t.OwnerRole == "operator" && t.Area == "onboarding");
        await h.InputAsync("select_goal", ("goal", "more_qualified_meetings"));
        await h.InputAsync("select_bundle", ("bundle", "growth_starter"), ("price", "standard"));
        OnboardingStatus status = await h.StatusAsync();
        Assert.Equal("awaiting_approval", status.Steps[1].State);
        ReplyDraft bundleDraft = Assert.Single(h.Stores.Drafts);
        Assert.Equal((DraftKind.OnboardingStep, "select_bundle", DraftStatus.PendingApproval, OnboardingHarness.InstanceId),
            (bundleDraft.Kind, bundleDraft.Category, bundleDraft.Status, bundleDraft.DealInstanceId));
        await h.DecideAsync("select_bundle", DraftDecisionKind.Approved);
        await h.InputAsync("company_intake", ("company_name", "Acme Trading"), ("sector", "retail"), ("city", "Riyadh"));
        Assert.False((await h.StatusAsync()).Steps[2].Completed); // the kick-off call is not done yet
        await h.CompleteTaskAsync("kickoff");
        status = await h.StatusAsync();
        Assert.Equal(("connect_channels", 38), (status.CurrentStep, status.ProgressPct));
        Assert.Equal("blocked", status.Steps[3].State); // no connector yet: the gate is closed

        // Day 2 (Monday): Gmail's OAuth fails; its recovery is a task for the operator (§5.3).
        await h.AdvanceToAsync(2, 10);
        Assert.Contains(h.Alerts, a => a.Kind == "onboarding_reminder" && a.OwnerRole == "operator"); // waited 1 business day since Sunday
        Assert.True((await h.ConnectorAsync("gmail", "configuring")).Applied);
        ConnectorUpdateResult failed = await h.ConnectorAsync("gmail", "connected_draft_only", new AcceptanceReport("draft_created_and_deleted", false, "auth"));
        Assert.Equal(("failed", "auth"), (failed.Record!.State, failed.Record.FailureReason));
        Assert.Contains(h.Tasks, t => t.TaskId == $"{OnboardingHarness.InstanceId}:recovery:gmail_recheck_scopes:1" && t.Kind == "gmail_recheck_scopes");

        // The customer keeps the step waiting: a reminder after 1 business day, the team lead after 2 (§5.5).
        int remindersBefore = h.Alerts.Count(a => a.Kind == "onboarding_reminder");
        await h.AdvanceToAsync(3, 12);
        Assert.Equal(remindersBefore + 1, h.Alerts.Count(a => a.Kind == "onboarding_reminder"));
        Assert.DoesNotContain(h.Alerts, a => a.Kind == "onboarding_escalation");
        await h.AdvanceToAsync(4, 11);
        OperatorAlert escalation = Assert.Single(h.Alerts, a => a.Kind == "onboarding_escalation");
        Assert.Equal(("team_lead", OnboardingHarness.Tenant), (escalation.OwnerRole, escalation.Tenant));

        // Day 4 (Wednesday): Gmail retried, WhatsApp connected (blocking): the gate opens; the customer approves.
        await h.ConnectAsync("gmail");
        Assert.Equal("blocked", (await h.StatusAsync()).Steps[3].State);
        await h.ConnectAsync("whatsapp_cloud");
        Assert.True((await h.StatusAsync()).ReadyForFirstService);
        await h.DecideAsync("connect_channels", DraftDecisionKind.Approved, "customer-approver-1");

        // No list uploaded: Free Diagnostic and recommended accounts (§5.3), then the operator approves the source.
        await h.InputAsync("upload_or_source", ("source", "none"));
        Assert.Contains(h.Tasks, t => t.TaskId.EndsWith(":recovery:no_list", StringComparison.Ordinal));
        await h.DecideAsync("upload_or_source", DraftDecisionKind.Approved);
        await h.DecideAsync("risk_review", DraftDecisionKind.Approved);

        // The first service behind the open gate: the operator runs it, the customer approves the Approval Pack.
        status = await h.StatusAsync();
        Assert.Equal(("first_service_run", "first_10_opportunities_sprint", "recommended_accounts"), (status.CurrentStep, status.FirstService, status.LeadSource));
        await h.CompleteTaskAsync("first_service_run:1");
        await h.DecideAsync("first_service_run", DraftDecisionKind.Approved, "customer-approver-1");

        // Day 5 (Thursday): Proof Pack v1 delivered and approved, the review meeting; onboarding completes.
        await h.AdvanceToAsync(5, 10);
        await h.CompleteTaskAsync("deliver_proof_pack");
        await h.InputAsync("first_proof_pack", ("approved", "true"));
        Assert.Empty(h.CadenceStarts);
        await h.CompleteTaskAsync("review_meeting");

        OrchestrationMetadata done = await h.Host.GetInstanceAsync(OnboardingHarness.InstanceId);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        OnboardingStatus final = done.ReadOutputAs<OnboardingStatus>()!;
        Assert.Equal(("completed", 100, (string?)null, false, true, true), (final.State, final.ProgressPct, final.CurrentStep, final.AtRisk, final.ProofPackApproved, final.CustomerSuccessActive));
        Assert.All(final.Steps, s => Assert.True(s.Completed && s.State == "completed"));
        Assert.Equal(5, h.Stores.Drafts.Count(d => d.Kind == DraftKind.OnboardingStep && d.Status == DraftStatus.Approved));
        Assert.Equal("customer-approver-1", final.Steps[3].ApprovedBy);

        // The customer-success cadence is started by its name with the agreed input.
        JsonElement cadence = Assert.Single(h.CadenceStarts);
        Assert.Equal((OnboardingHarness.Tenant, OnboardingHarness.Customer, "growth_starter"),
            (cadence.GetProperty("tenant").GetString(), cadence.GetProperty("customerId").GetString(), cadence.GetProperty("bundle").GetString()));
        Assert.True(cadence.TryGetProperty("startedAt", out _));
        Assert.NotNull(await h.Host.Client.GetInstanceAsync(OnboardingKeys.CustomerSuccessInstanceId(OnboardingHarness.Tenant, OnboardingHarness.Customer)));

        // Finished before the end of day 5: no at-risk flag, not even after the week.
        await h.AdvanceToAsync(8, 10);
        Assert.DoesNotContain(h.Alerts, a => a.Kind == OperatorAlertKinds.AtRisk);
        Assert.Contains(h.Stores.Ledger, e => e.Action == "onboarding_completed" && e.Target == OnboardingHarness.InstanceId);
        await OnboardingHistoriesTests.RecordIfAskedAsync(h.Host, OnboardingHarness.InstanceId, "onboarding.completed.json");
    }

    [Fact]
    public async Task RiskReviewRejected_StopsOnboarding_AndReportsToTheFounder()
    {
        await using OnboardingHarness h = await OnboardingHarness.StartAsync();
        await RunToRiskReviewAsync(h);

        await h.DecideAsync("risk_review", DraftDecisionKind.Rejected);

        OrchestrationMetadata instance = await h.Host.GetInstanceAsync(OnboardingHarness.InstanceId);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, instance.RuntimeStatus);
        OnboardingStatus status = instance.ReadOutputAs<OnboardingStatus>()!;
        Assert.Equal(("stopped", "risk_review_failed", "failed"), (status.State, status.StopReason, status.Steps[5].State));
        Assert.Contains(h.Tasks, t => t.OwnerRole == "founder" && t.TaskId.EndsWith(":stop_report", StringComparison.Ordinal));
        Assert.Contains(h.Alerts, a => a.Kind == "onboarding_stopped" && a.OwnerRole == "founder" && a.Severity == "critical");
        Assert.Empty(h.CadenceStarts);
        await OnboardingHistoriesTests.RecordIfAskedAsync(h.Host, OnboardingHarness.InstanceId, "onboarding.risk-review-stopped.json");
    }

    [Fact]
    public async Task RejectedBundle_GoesBackToTheCustomer_AndANonStandardPriceIsTheFoundersToApprove()
    {
        await using OnboardingHarness h = await OnboardingHarness.StartAsync();
        await h.StartOnboardingAsync();
        await h.InputAsync("select_goal", ("goal", "pipeline"));
        await h.InputAsync("select_bundle", ("bundle", "executive_growth_os"), ("price", "non_standard"));
        Assert.Equal("founder", h.Stores.Drafts.Single().AssignedOperator);

        await h.DecideAsync("select_bundle", DraftDecisionKind.Rejected, "founder");
        OnboardingStatus status = await h.StatusAsync();
        Assert.Equal(("in_progress", "select_bundle"), (status.Steps[1].State, status.CurrentStep));

        await h.InputAsync("select_bundle", ("bundle", "growth_starter"));
        Assert.Equal(2, h.Stores.Drafts.Count);
        Assert.NotEqual(h.Stores.Drafts[0].DraftId, h.Stores.Drafts[1].DraftId);
        await h.DecideAsync("select_bundle", DraftDecisionKind.Approved);
        status = await h.StatusAsync();
        Assert.Equal(("company_intake", "growth_starter"), (status.CurrentStep, status.Bundle));
    }

    [Fact]
    public async Task UndecidedApproval_RemindsTeamLeadThenFounder_NeverExpires_AndDayFiveWithoutProofPackIsAtRisk()
    {
        await using OnboardingHarness h = await OnboardingHarness.StartAsync();
        await h.StartOnboardingAsync();
        await h.InputAsync("select_goal", ("goal", "pipeline"));
        await h.InputAsync("select_bundle", ("bundle", "growth_starter"));
        string draftId = h.Stores.Drafts.Single().DraftId;

        // §4.4 onboarding row: warning at 75 % of one business day (Monday 03:00 AST), breach at one (Monday 09:00).
        await h.AdvanceToAsync(2, 4);
        OperatorAlert reminder = Assert.Single(h.Alerts, a => a.Kind == OperatorAlertKinds.ApprovalReminder);
        Assert.Equal(("team_lead", "warning"), (reminder.OwnerRole, reminder.Severity));
        Assert.DoesNotContain(h.Alerts, a => a.Kind == OperatorAlertKinds.ApprovalEscalation);
        await h.AdvanceToAsync(2, 10);
        Assert.Equal("founder", Assert.Single(h.Alerts, a => a.Kind == OperatorAlertKinds.ApprovalEscalation).OwnerRole);

        // It escalates instead of expiring; at the end of business day 5 (Thursday) the founder hears it is at risk.
        await h.AdvanceToAsync(6, 10);
        Assert.Equal(DraftStatus.PendingApproval, (await h.Stores.GetAsync(OnboardingHarness.Tenant, draftId))!.Status);
        OnboardingStatus status = await h.StatusAsync();
        Assert.True(status.AtRisk);
        OperatorAlert atRisk = Assert.Single(h.Alerts, a => a.Kind == OperatorAlertKinds.AtRisk);
        Assert.Equal(("founder", "critical"), (atRisk.OwnerRole, atRisk.Severity));
        Assert.Equal(OnboardingPlan.Deadline(OnboardingHarness.SundayMorning.UtcDateTime), status.Deadline);
        Assert.Equal(new DateTime(2026, 11, 26, 21, 0, 0, DateTimeKind.Utc), status.Deadline); // Friday 00:00 AST

        // Deciding late still works: the same approval instance takes the decision.
        await h.DecideAsync("select_bundle", DraftDecisionKind.Approved);
        Assert.Equal("company_intake", (await h.StatusAsync()).CurrentStep);
        Assert.Single(h.Alerts, a => a.Kind == OperatorAlertKinds.AtRisk);
        await OnboardingHistoriesTests.RecordIfAskedAsync(h.Host, DealKeys.ApprovalInstanceId(OnboardingHarness.Tenant, draftId), "onboarding-approval.escalated.json");
    }

    [Fact]
    public async Task DealEnteringPilotActive_StartsTheCustomersOnboardingOnce()
    {
        await using OnboardingHarness h = await OnboardingHarness.StartAsync();
        string contact = DealKeys.ContactId(OnboardingHarness.Tenant, MessageChannel.WhatsApp, "966511111111");
        string dealId = DealKeys.DealInstanceId(OnboardingHarness.Tenant, contact);
        string onboardingId = OnboardingKeys.InstanceId(OnboardingHarness.Tenant, contact);
        await h.Host.Client.ScheduleNewOrchestrationInstanceAsync(DealLifecycleOrchestrator.Name, new DealState
        {
            TenantId = OnboardingHarness.Tenant,
            ContactId = contact,
            Channel = MessageChannel.WhatsApp,
            Address = "966511111111",
            Stage = DealStage.PaymentRequested,
        }, new StartOrchestrationOptions(dealId));
        await h.Host.WaitForIdleAsync();
        Assert.Null(await h.Host.Client.GetInstanceAsync(onboardingId));

        await h.Host.Client.RaiseEventAsync(dealId, DealEvents.StageEventRaised, new DealStageEvent("payment_confirmed", "founder", "corr-pay"));
        await h.Host.WaitForIdleAsync();

        OrchestrationMetadata onboarding = await h.Host.GetInstanceAsync(onboardingId);
        Assert.Equal(OnboardingOrchestrator.Name, onboarding.Name);
        OnboardingInput input = onboarding.ReadInputAs<OnboardingInput>()!;
        Assert.Equal((contact, "deal_lifecycle", dealId, "corr-pay"), (input.CustomerId, input.StartedBy, input.DealInstanceId, input.CorrelationId));
        Assert.Equal("pilot_active", JsonSerializer.Serialize((await h.Host.GetInstanceAsync(dealId)).ReadCustomStatusAs<DealStatus>()!.Stage).Trim('"'));
    }

    [Fact]
    public async Task OperatorStartedOnboarding_IsNotStartedAgainByTheDeal()
    {
        await using OnboardingHarness h = await OnboardingHarness.StartAsync();
        string contact = DealKeys.ContactId(OnboardingHarness.Tenant, MessageChannel.WhatsApp, "966522222222");
        await h.StartOnboardingAsync(contact);
        await h.Host.Client.ScheduleNewOrchestrationInstanceAsync(DealLifecycleOrchestrator.Name, new DealState
        {
            TenantId = OnboardingHarness.Tenant,
            ContactId = contact,
            Channel = MessageChannel.WhatsApp,
            Address = "966522222222",
            Stage = DealStage.PaymentRequested,
        }, new StartOrchestrationOptions(DealKeys.DealInstanceId(OnboardingHarness.Tenant, contact)));
        await h.Host.Client.RaiseEventAsync(DealKeys.DealInstanceId(OnboardingHarness.Tenant, contact), DealEvents.StageEventRaised,
            new DealStageEvent("payment_confirmed", "founder", "corr-pay"));
        await h.Host.WaitForIdleAsync();

        OrchestrationMetadata onboarding = await h.Host.GetInstanceAsync(OnboardingKeys.InstanceId(OnboardingHarness.Tenant, contact));
        Assert.Equal("op-1", onboarding.ReadInputAs<OnboardingInput>()!.StartedBy);
        Assert.Equal(OrchestrationRuntimeStatus.Running, onboarding.RuntimeStatus);
    }

    /// <summary>Steps 1–5 on day 1, with WhatsApp connected before step 4 so the gate is open when it is reached.</summary>
    internal static async Task RunToRiskReviewAsync(OnboardingHarness h)
    {
        await h.StartOnboardingAsync();
        await h.ConnectAsync("whatsapp_cloud");
        await h.InputAsync("select_goal", ("goal", "pipeline"));
        await h.InputAsync("select_bundle", ("bundle", "data_to_revenue"));
        await h.DecideAsync("select_bundle", DraftDecisionKind.Approved);
        await h.InputAsync("company_intake", ("company_name", "Acme"), ("sector", "retail"), ("city", "Jeddah"));
        await h.CompleteTaskAsync("kickoff");
        await h.DecideAsync("connect_channels", DraftDecisionKind.Approved, "customer-approver-1");
        await h.InputAsync("upload_or_source", ("source", "csv"), ("rows", "240"));
        await h.DecideAsync("upload_or_source", DraftDecisionKind.Approved);
        Assert.Equal("risk_review", (await h.StatusAsync()).CurrentStep);
    }
}
