namespace Dealix.Azure.Functions.Worker;

/// <summary>Binds the host's <c>DurableTaskClient</c> for the configured task hub.</summary>
public sealed class DurableClientAttribute : InputBindingAttribute
{
    /// <summary>The task hub (must be the host's when set).</summary>
    public string? TaskHub { get; set; }

    /// <summary>The connection setting name (unused: the host has one storage connection).</summary>
    public string? ConnectionName { get; set; }
}
