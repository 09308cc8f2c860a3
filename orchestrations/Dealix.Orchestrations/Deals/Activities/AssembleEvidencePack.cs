using System.Security.Cryptography;
using System.Text;
using Microsoft.DurableTask;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Deals.Ports;

namespace Dealix.Orchestrations.Deals.Activities;

/// <summary>
/// Assembles the evidence pack of a deal that reached closed_won (§8.9): deal, lead and approval records as canonical
/// JSON with its SHA-256, stored immutably once per deal (a retry returns the stored pack). Returns the hash.
/// </summary>
[DurableTask(Name)]
public sealed class AssembleEvidencePack(IDraftStore drafts, IEvidencePackStore packs, IAuditLedger ledger, TimeProvider clock)
    : TaskActivity<EvidencePackInput, string>
{
    public const string Name = "AssembleEvidencePack";

    public override async Task<string> RunAsync(TaskActivityContext context, EvidencePackInput input)
    {
        string key = ActivityKeys.Of(context, input.IdempotencyKey, input);
        if (await packs.GetAsync(input.TenantId, input.DealInstanceId) is { } existing)
        {
            return existing.Sha256;
        }

        IReadOnlyList<ReplyDraft> records = await drafts.ListForDealAsync(input.TenantId, input.DealInstanceId);
        string packId = "ep-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(input.DealInstanceId)), 0, 12);
        EvidencePack pack = EvidencePackBuilder.Build(packId, input, records, clock.GetUtcNow().UtcDateTime);
        EvidencePack stored = await packs.SaveOnceAsync(pack);
        await ledger.AppendAsync(new AuditEntry(
            AuditIds.From(key), input.TenantId, input.CorrelationId, "evidence_pack", "A", "automation",
            input.DealInstanceId, stored.CreatedAt, Reason: stored.EvidencePackId, Outcome: stored.Sha256));
        return stored.Sha256;
    }
}
