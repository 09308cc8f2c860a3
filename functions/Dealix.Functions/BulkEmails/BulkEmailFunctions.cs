using Dealix.Functions.Durable;
using Dealix.Orchestrations.BulkEmails;
using Dealix.Orchestrations.BulkEmails.Activities;
using Dealix.Orchestrations.BulkEmails.Contracts;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Dealix.Functions.BulkEmails;

/// <summary>The bulk e-mail's orchestrator and activities as functions (names are the classes' stored names).</summary>
public static class BulkEmailFunctions
{
    /// <summary>Runs <see cref="BulkEmailOrchestrator"/>: one bulk e-mail from approval to its last recipient.</summary>
    [Function(BulkEmailOrchestrator.Name)]
    public static Task<string> BulkEmail([OrchestrationTrigger] TaskOrchestrationContext context, BulkEmailInput input) =>
        new BulkEmailOrchestrator().RunAsync(context, input);

    /// <summary>Runs the <see cref="ListBulkRecipients"/> activity.</summary>
    [Function(ListBulkRecipients.Name)]
    public static Task<BulkBatch> ListBulkRecipientsAsync([ActivityTrigger] BulkRecipientSend input, string instanceId, FunctionContext function) =>
        ActivityFunction.RunAsync<ListBulkRecipients, BulkRecipientSend, BulkBatch>(function, instanceId, input);

    /// <summary>Runs the <see cref="SendBulkRecipient"/> activity.</summary>
    [Function(SendBulkRecipient.Name)]
    public static Task<string> SendBulkRecipientAsync([ActivityTrigger] BulkRecipientSend input, string instanceId, FunctionContext function) =>
        ActivityFunction.RunAsync<SendBulkRecipient, BulkRecipientSend, string>(function, instanceId, input);

    /// <summary>Runs the <see cref="SetBulkEmailStatus"/> activity.</summary>
    [Function(SetBulkEmailStatus.Name)]
    public static Task<string?> SetBulkEmailStatusAsync([ActivityTrigger] BulkStatusChange input, string instanceId, FunctionContext function) =>
        ActivityFunction.RunAsync<SetBulkEmailStatus, BulkStatusChange, string?>(function, instanceId, input);
}
