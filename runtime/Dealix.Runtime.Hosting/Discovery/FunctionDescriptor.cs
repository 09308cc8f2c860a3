using System.Collections.Immutable;
using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

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
        Parameters = [.. method.GetParameters().Select(p => new FunctionParameter(p.Name ?? string.Empty, p.ParameterType))];
        InputBindings = ImmutableDictionary<string, BindingMetadata>.Empty.Add(
            triggerParameter.Name ?? "trigger", new HostBindingMetadata(triggerParameter.Name ?? "trigger", TriggerTypeOf(kind), BindingDirection.In));
        OutputBindings = kind == FunctionKind.Http
            ? ImmutableDictionary<string, BindingMetadata>.Empty.Add("$return", new HostBindingMetadata("$return", "http", BindingDirection.Out))
            : ImmutableDictionary<string, BindingMetadata>.Empty;
    }

    /// <inheritdoc />
    public override ImmutableArray<FunctionParameter> Parameters { get; }

    /// <inheritdoc />
    public override string PathToAssembly => Method.DeclaringType?.Assembly.Location ?? string.Empty;

    /// <inheritdoc />
    public override IImmutableDictionary<string, BindingMetadata> InputBindings { get; }

    /// <inheritdoc />
    public override IImmutableDictionary<string, BindingMetadata> OutputBindings { get; }

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

    /// <summary>The binding type name of a trigger kind, as functions.metadata and function.json spell it.</summary>
    public static string TriggerTypeOf(FunctionKind kind) => kind switch
    {
        FunctionKind.Http => "httpTrigger",
        FunctionKind.Timer => "timerTrigger",
        FunctionKind.Queue => "queueTrigger",
        FunctionKind.Orchestration => "orchestrationTrigger",
        FunctionKind.Activity => "activityTrigger",
        _ => kind.ToString(),
    };

    private sealed class HostBindingMetadata(string name, string type, BindingDirection direction) : BindingMetadata
    {
        public override string Name { get; } = name;

        public override string Type { get; } = type;

        public override BindingDirection Direction { get; } = direction;
    }
}
