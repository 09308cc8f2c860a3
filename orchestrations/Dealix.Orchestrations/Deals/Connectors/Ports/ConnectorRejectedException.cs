namespace Dealix.Orchestrations.Deals.Connectors.Ports;

/// <summary>A provider refused a connector action permanently (a 4xx other than a duplicate): retrying will not help.</summary>
public sealed class ConnectorRejectedException : Exception
{
    public ConnectorRejectedException()
    {
    }

    public ConnectorRejectedException(string message)
        : base(message)
    {
    }

    public ConnectorRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
