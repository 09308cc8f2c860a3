using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

namespace Dealix.Runtime.Hosting.Discovery;

/// <summary>Finds the <see cref="FunctionAttribute"/> methods of assemblies and checks them before the host starts.</summary>
public static class FunctionCatalog
{
    /// <summary>
    /// Discovers the public methods marked <see cref="FunctionAttribute"/> on public types. Throws
    /// <see cref="InvalidOperationException"/> listing every problem (no trigger, two triggers, duplicate names).
    /// </summary>
    public static IReadOnlyList<FunctionDescriptor> Discover(IEnumerable<Assembly> assemblies)
    {
        ArgumentNullException.ThrowIfNull(assemblies);
        return Discover(assemblies.Distinct().SelectMany(a => a.GetExportedTypes()).Where(t => t.IsClass).OrderBy(t => t.FullName, StringComparer.Ordinal));
    }

    /// <summary>Discovers the functions of the given types (see <see cref="Discover(IEnumerable{Assembly})"/>).</summary>
    public static IReadOnlyList<FunctionDescriptor> Discover(IEnumerable<Type> types)
    {
        ArgumentNullException.ThrowIfNull(types);
        var found = new List<FunctionDescriptor>();
        var problems = new List<string>();
        foreach (Type type in types)
        {
            foreach (MethodInfo method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                if (method.GetCustomAttribute<FunctionAttribute>() is not { } function)
                {
                    continue;
                }

                if (Describe(function.Name, method, out string? problem) is { } descriptor)
                {
                    found.Add(descriptor);
                }
                else
                {
                    problems.Add(problem!);
                }
            }
        }

        foreach (IGrouping<string, FunctionDescriptor> duplicate in found.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            problems.Add($"Function name '{duplicate.Key}' is declared more than once: {string.Join(", ", duplicate.Select(f => f.EntryPoint))}.");
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The functions cannot be loaded:\n- " + string.Join("\n- ", problems));
        }

        return found;
    }

    private static FunctionDescriptor? Describe(string name, MethodInfo method, out string? problem)
    {
        string where = $"{method.DeclaringType?.FullName}.{method.Name} ([Function(\"{name}\")])";
        var triggers = method.GetParameters()
            .Select(p => (Parameter: p, Trigger: p.GetCustomAttribute<TriggerBindingAttribute>()))
            .Where(x => x.Trigger is not null)
            .ToList();
        if (triggers.Count != 1)
        {
            problem = triggers.Count == 0
                ? $"{where} has no trigger parameter ([HttpTrigger], [TimerTrigger], [QueueTrigger], [OrchestrationTrigger] or [ActivityTrigger])."
                : $"{where} has {triggers.Count} trigger parameters; a function has exactly one.";
            return null;
        }

        (ParameterInfo parameter, TriggerBindingAttribute? trigger) = triggers[0];
        FunctionKind? kind = trigger switch
        {
            HttpTriggerAttribute => FunctionKind.Http,
            TimerTriggerAttribute => FunctionKind.Timer,
            QueueTriggerAttribute => FunctionKind.Queue,
            OrchestrationTriggerAttribute => FunctionKind.Orchestration,
            ActivityTriggerAttribute => FunctionKind.Activity,
            _ => null,
        };
        if (kind is null)
        {
            problem = $"{where} uses the unsupported trigger {trigger!.GetType().Name}.";
            return null;
        }

        if (kind == FunctionKind.Timer && parameter.ParameterType != typeof(TimerInfo))
        {
            problem = $"{where}: the [TimerTrigger] parameter must be a TimerInfo.";
            return null;
        }

        if (method.IsGenericMethodDefinition)
        {
            problem = $"{where} is generic; functions cannot be.";
            return null;
        }

        problem = null;
        string taskName = trigger switch
        {
            OrchestrationTriggerAttribute { Orchestration: { Length: > 0 } o } => o,
            ActivityTriggerAttribute { Activity: { Length: > 0 } a } => a,
            _ => name,
        };
        return new FunctionDescriptor(taskName, method, kind.Value, trigger!, parameter);
    }
}
