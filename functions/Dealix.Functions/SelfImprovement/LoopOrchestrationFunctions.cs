using Dealix.Functions.Durable;
using Dealix.Orchestrations.Outreach.Contracts;
using Dealix.Orchestrations.SelfImprovement;
using Dealix.Orchestrations.SelfImprovement.Activities;
using Dealix.Orchestrations.SelfImprovement.Contracts;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Dealix.Functions.SelfImprovement;

/// <summary>The self-improvement loops' orchestrators and activities as functions (names are the classes' stored names).</summary>
public static class LoopOrchestrationFunctions
{
    /// <summary>Runs <see cref="MarketingLoopOrchestrator"/>: one tenant's daily ad review.</summary>
    [Function(MarketingLoopOrchestrator.Name)]
    public static Task<LoopRunResult> MarketingLoop([OrchestrationTrigger] TaskOrchestrationContext context, OutreachRunInput input) =>
        new MarketingLoopOrchestrator().RunAsync(context, input);

    /// <summary>Runs <see cref="ProductLoopDailyDigestOrchestrator"/>: one tenant's product loop, then its daily digest.</summary>
    [Function(ProductLoopDailyDigestOrchestrator.Name)]
    public static Task<LoopRunResult> ProductLoopDailyDigest([OrchestrationTrigger] TaskOrchestrationContext context, OutreachRunInput input) =>
        new ProductLoopDailyDigestOrchestrator().RunAsync(context, input);

    /// <summary>Runs <see cref="LoopApprovalOrchestrator"/>: one loop change waiting in the approval center.</summary>
    [Function(LoopApprovalOrchestrator.Name)]
    public static Task<LoopActionResult> LoopApproval([OrchestrationTrigger] TaskOrchestrationContext context, LoopApprovalInput input) =>
        new LoopApprovalOrchestrator().RunAsync(context, input);

    /// <summary>Runs the <see cref="ReadCampaigns"/> activity.</summary>
    [Function(ReadCampaigns.Name)]
    public static Task<IReadOnlyList<Campaign>> ReadCampaignsAsync([ActivityTrigger] string input, string instanceId, FunctionContext function) =>
        ActivityFunction.RunAsync<ReadCampaigns, string, IReadOnlyList<Campaign>>(function, instanceId, input);

    /// <summary>Runs the <see cref="ApplyLoopAction"/> activity.</summary>
    [Function(ApplyLoopAction.Name)]
    public static Task<LoopActionResult> ApplyLoopActionAsync([ActivityTrigger] LoopActionInput input, string instanceId, FunctionContext function) =>
        ActivityFunction.RunAsync<ApplyLoopAction, LoopActionInput, LoopActionResult>(function, instanceId, input);

    /// <summary>Runs the <see cref="ReadProductFindings"/> activity.</summary>
    [Function(ReadProductFindings.Name)]
    public static Task<IReadOnlyList<ProductFinding>> ReadProductFindingsAsync([ActivityTrigger] ProductFindingsInput input, string instanceId, FunctionContext function) =>
        ActivityFunction.RunAsync<ReadProductFindings, ProductFindingsInput, IReadOnlyList<ProductFinding>>(function, instanceId, input);

    /// <summary>Runs <see cref="AuditExportOrchestrator"/>: one tenant's daily audit export.</summary>
    [Function(AuditExportOrchestrator.Name)]
    public static Task<LoopRunResult> AuditExport([OrchestrationTrigger] TaskOrchestrationContext context, OutreachRunInput input) =>
        new AuditExportOrchestrator().RunAsync(context, input);

    /// <summary>Runs the <see cref="ExportAuditDay"/> activity.</summary>
    [Function(ExportAuditDay.Name)]
    public static Task<int> ExportAuditDayAsync([ActivityTrigger] AuditExportInput input, string instanceId, FunctionContext function) =>
        ActivityFunction.RunAsync<ExportAuditDay, AuditExportInput, int>(function, instanceId, input);
}
