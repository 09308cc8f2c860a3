namespace Dealix.Runtime.Backend;

/// <summary>One activity request locked for execution.</summary>
public sealed class ActivityWorkItem
{
    /// <summary>Creates a work item.</summary>
    public ActivityWorkItem(ActivityMessage message, int dequeueCount = 1)
    {
        Message = message;
        DequeueCount = dequeueCount;
    }

    /// <summary>The request.</summary>
    public ActivityMessage Message { get; }

    /// <summary>How many times this request has been handed out (re-deliveries after crashes count).</summary>
    public int DequeueCount { get; }

    /// <summary>Backend bookkeeping (receipts).</summary>
    public object? BackendState { get; init; }
}
