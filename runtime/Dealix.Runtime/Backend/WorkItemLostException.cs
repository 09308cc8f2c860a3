namespace Dealix.Runtime.Backend;

/// <summary>
/// The instance changed underneath a work item (another worker committed first, or the lock expired). The work
/// item's episode is discarded; its messages are delivered again.
/// </summary>
public sealed class WorkItemLostException : Exception
{
    /// <summary>Creates the exception.</summary>
    public WorkItemLostException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public WorkItemLostException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public WorkItemLostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
