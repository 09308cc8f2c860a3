using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Deals.Ports;
using Dealix.Orchestrations.Incidents.Contracts;
using Dealix.Orchestrations.Incidents.Ports;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.Incidents.Activities;

/// <summary>
/// Engages or releases one incident's freeze of its tenant, or of every tenant for a global (SEV1) freeze (§13.2 step 1),
/// and writes it on the audit ledger. Idempotent:
/// the freeze is held per incident, so a retry changes nothing. Returns whether the tenant is frozen afterwards.
/// </summary>
[DurableTask(Name)]
public sealed class FreezeTenant(ITenantFreeze freeze, IAuditLedger ledger, TimeProvider clock) : TaskActivity<FreezeTenantInput, bool>
{
    public const string Name = "FreezeTenant";

    public override async Task<bool> RunAsync(TaskActivityContext context, FreezeTenantInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        bool frozen = await freeze.SetAsync(input);
        await ledger.AppendAsync(new AuditEntry(
            AuditIds.From($"freeze:{input.Tenant}:{input.IncidentId}:{input.Frozen}"), input.Tenant, input.CorrelationId,
            input.Frozen ? "incident_freeze" : "incident_unfreeze", "B", input.Actor, $"incident:{input.IncidentId}", clock.GetUtcNow().UtcDateTime,
            Reason: input.Global ? "scope: global" : "scope: tenant", Outcome: frozen ? "frozen" : "unfrozen"));
        return frozen;
    }
}
