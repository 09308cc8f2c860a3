using System.Reflection;
using Microsoft.AspNetCore.Http;

namespace Dealix.Runtime.Hosting.Invocation;

/// <summary>What one trigger hands to the invoker: the trigger value, metadata and the ambient objects.</summary>
internal sealed class InvocationInput
{
    /// <summary>Produces the trigger parameter's value (may throw <see cref="TriggerBindingException"/>).</summary>
    public required Func<ParameterInfo, object?> Trigger { get; init; }

    /// <summary>Trigger metadata, bound to parameters by name (case-insensitive).</summary>
    public IReadOnlyDictionary<string, object?> BindingData { get; init; } = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The HTTP context for HTTP functions.</summary>
    public HttpContext? HttpContext { get; init; }

    /// <summary>Objects bound by type (the orchestration or activity context).</summary>
    public IReadOnlyList<object> Ambient { get; init; } = [];
}

/// <summary>The trigger's data cannot be converted to the parameter's type (bad input, not a bug).</summary>
internal sealed class TriggerBindingException : Exception
{
    public TriggerBindingException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }

    public TriggerBindingException()
    {
    }

    public TriggerBindingException(string message)
        : base(message)
    {
    }
}
