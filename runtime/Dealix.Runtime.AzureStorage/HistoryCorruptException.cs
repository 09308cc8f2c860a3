namespace Dealix.Runtime.AzureStorage;

/// <summary>A stored row of an instance cannot be read (bad JSON, unknown event type, missing row).</summary>
internal sealed class HistoryCorruptException : Exception
{
    public HistoryCorruptException()
    {
    }

    public HistoryCorruptException(string message)
        : base(message)
    {
    }

    public HistoryCorruptException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public string RowKey { get; init; } = string.Empty;

    public string? RawContent { get; init; }
}
