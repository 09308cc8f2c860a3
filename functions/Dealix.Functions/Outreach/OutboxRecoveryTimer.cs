using Dealix.Functions.Infrastructure.Outbox;
using Dealix.Functions.Infrastructure.Reliability;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Dealix.Functions.Outreach;

/// <summary>
/// Every 10 seconds (and at once after downtime) moves on the approved drafts a dead process left behind: re-queues
/// those whose decision event or outbox message was lost, retries claims abandoned before the provider call and flags
/// those abandoned after it (<see cref="OutboxRecovery"/>). With <see cref="OutboxOptions.SendingLease"/> this is what
/// keeps the recovery objective: every approved draft sent or flagged within 60 s of a restart.
/// </summary>
public sealed class OutboxRecoveryTimer(OutboxRecovery recovery)
{
    public const string Name = "OutboxRecovery";

    [Function(Name)]
    public async Task RunAsync([TimerTrigger("*/10 * * * * *")] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(timer);
        CrashPoints.Hit("timer.outbox-recovery");
        await recovery.RunAsync(client, cancellation);
    }
}
