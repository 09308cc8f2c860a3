using Microsoft.DurableTask;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Deals.Ports;

namespace Dealix.Orchestrations.Deals.Activities;

/// <summary>
/// Classifies one inbound message into a §9.1 category and puts the classification on the audit ledger. Changes
/// nothing else; the deal orchestration decides what follows.
/// </summary>
[DurableTask(Name)]
public sealed class ClassifyInboundMessage(IReplyClassifier classifier, IAuditLedger ledger, TimeProvider clock)
    : TaskActivity<ClassifyInput, MessageClassification>
{
    public const string Name = "ClassifyInboundMessage";

    public override async Task<MessageClassification> RunAsync(TaskActivityContext context, ClassifyInput input)
    {
        string key = ActivityKeys.Of(context, input.IdempotencyKey, input);
        MessageClassification result = await classifier.ClassifyAsync(input.Text);
        await ledger.AppendAsync(new AuditEntry(
            AuditIds.From(key), input.TenantId, input.CorrelationId, "classify", "A", "automation",
            input.DealInstanceId, clock.GetUtcNow().UtcDateTime,
            Reason: $"message {input.MessageId}; confidence {result.Confidence.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)}",
            Outcome: result.Category));
        return result;
    }
}
