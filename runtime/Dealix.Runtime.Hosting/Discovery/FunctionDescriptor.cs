using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace Dealix.Runtime.Hosting.Discovery;

/// <summary>A discovered function: its name, its method and its trigger.</summary>
public sealed class FunctionDescriptor : FunctionDefinition
{
    /// <summary>Creates a descriptor.</summary>
    public FunctionDescriptor(string name, MethodInfo method, FunctionKind kind, TriggerBindingAttribute trigger, ParameterInfo triggerParameter)
    {
        ArgumentNullException.ThrowIfNull(method);
        Name = name;
        Method = method;
        Kind = kind;
        Trigger = trigger;
        TriggerParameter = triggerParameter;
        EntryPoint = $"{method.DeclaringType?.FullName}.{method.Name}";
    }

    /// <inheritdoc />
    public override string Name { get; }

    /// <inheritdoc />
    public override string Id => Name;

    /// <inheritdoc />
    public override string EntryPoint { get; }

    /// <summary>The method.</summary>
    public MethodInfo Method { get; }

    /// <summary>The trigger kind.</summary>
    public FunctionKind Kind { get; }

    /// <summary>The trigger attribute.</summary>
    public TriggerBindingAttribute Trigger { get; }

    /// <summary>The parameter the trigger binds.</summary>
    public ParameterInfo TriggerParameter { get; }

    /// <summary>The HTTP trigger (null for other kinds).</summary>
    public HttpTriggerAttribute? Http => Trigger as HttpTriggerAttribute;

    /// <summary>The timer trigger (null for other kinds).</summary>
    public TimerTriggerAttribute? Timer => Trigger as TimerTriggerAttribute;

    /// <summary>The queue trigger (null for other kinds).</summary>
    public QueueTriggerAttribute? Queue => Trigger as QueueTriggerAttribute;

    /// <summary>The type the method's task or value produces (typeof(void) when nothing).</summary>
    public Type ResultType => Invocation.MethodResults.ResultTypeOf(Method.ReturnType);
}
