using Dealix.Orchestrations.BulkEmails.Activities;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.BulkEmails;

/// <summary>
/// Registers the bulk e-mail workflow and its activities (needs <c>AddDeals</c> for the kill switch, <c>AddSelfImprovement</c>
/// for the loop approval, and the ports <c>IBulkEmailStore</c>, <c>IProspectStore</c>, <c>ISendLog</c>, <c>IDraftSender</c>).
/// </summary>
public static class BulkEmailsRegistration
{
    /// <summary>Adds the bulk e-mail.</summary>
    public static DurableTaskRegistry AddBulkEmails(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry
            .AddOrchestrator<BulkEmailOrchestrator>()
            .AddActivity<ListBulkRecipients>()
            .AddActivity<SendBulkRecipient>()
            .AddActivity<SetBulkEmailStatus>();
    }
}
