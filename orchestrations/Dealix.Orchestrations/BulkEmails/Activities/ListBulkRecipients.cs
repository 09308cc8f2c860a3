using Dealix.Orchestrations.BulkEmails.Contracts;
using Dealix.Orchestrations.BulkEmails.Ports;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Outreach.Ports;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.BulkEmails.Activities;

/// <summary>
/// The next queued recipients of a bulk e-mail (ids only) and how many e-mails the tenant sent today (AST), for the
/// daily cap of §10.6 shared with every other e-mail. Changes nothing.
/// </summary>
[DurableTask(Name)]
public sealed class ListBulkRecipients(IBulkEmailStore store, ISendLog sendLog, TimeProvider clock) : TaskActivity<BulkRecipientSend, BulkBatch>
{
    public const string Name = "ListBulkRecipients";

    /// <summary>Recipients handed to one workflow generation.</summary>
    public const int ChunkSize = 20;

    public override async Task<BulkBatch> RunAsync(TaskActivityContext context, BulkRecipientSend input)
    {
        ArgumentNullException.ThrowIfNull(input);
        IReadOnlyList<string> queued = await store.ListQueuedAsync(input.TenantId, input.BulkId, ChunkSize);
        DateOnly today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(3));
        return new BulkBatch(queued, await sendLog.CountAsync(input.TenantId, MessageChannel.Email, today));
    }
}
