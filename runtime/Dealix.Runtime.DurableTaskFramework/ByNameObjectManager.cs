using System.Collections.Concurrent;
using DurableTask.Core;

namespace Dealix.Runtime.DurableTaskFramework;

/// <summary>
/// DurableTask.Core's registry of task objects, looked up by name only: the SDK's shims schedule activities and
/// sub-orchestrations with the caller's version, and the app registers one implementation per name.
/// </summary>
internal sealed class ByNameObjectManager<T> : INameVersionObjectManager<T>
    where T : class
{
    private readonly ConcurrentDictionary<string, ObjectCreator<T>> _creators = new(StringComparer.Ordinal);

    public void Add(ObjectCreator<T> creator)
    {
        if (!_creators.TryAdd(creator.Name, creator))
        {
            throw new ArgumentException($"Two tasks are registered under the name '{creator.Name}'.", nameof(creator));
        }
    }

    public T? GetObject(string name, string? version) => _creators.TryGetValue(name, out ObjectCreator<T>? creator) ? creator.Create() : null;
}
