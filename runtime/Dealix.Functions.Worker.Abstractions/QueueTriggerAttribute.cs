namespace Dealix.Azure.Functions.Worker;

/// <summary>
/// Triggers a function for each message of an Azure Storage queue. The message binds as string, byte[], BinaryData,
/// a JSON-deserialized type, or Azure.Storage.Queues.Models.QueueMessage; <c>long dequeueCount</c> and <c>string id</c>
/// parameters receive the message's metadata. A message that fails <c>extensions.queues.maxDequeueCount</c> times
/// (host.json, default 5) moves to <c>{queue}-poison</c>.
/// </summary>
public sealed class QueueTriggerAttribute : TriggerBindingAttribute
{
    /// <summary>Declares the queue.</summary>
    public QueueTriggerAttribute(string queueName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(queueName);
        QueueName = queueName;
    }

    /// <summary>The queue name (or <c>%SettingName%</c>).</summary>
    public string QueueName { get; }

    /// <summary>The setting holding the storage connection string; <c>AzureWebJobsStorage</c> when null.</summary>
    public string? Connection { get; set; }
}
