namespace Dealix.DurableTask;

/// <summary>
/// The name of an orchestrator or activity. Compared case-insensitively, as in Durable Functions.
/// </summary>
/// <remarks>WARNING: names are stored in history; renaming a registered name breaks running instances.</remarks>
public readonly struct TaskName : IEquatable<TaskName>
{
    /// <summary>Creates a task name.</summary>
    /// <param name="name">The name; must not be null.</param>
    public TaskName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        _name = name;
    }

    private readonly string? _name;

    /// <summary>The name as registered.</summary>
    public string Name => _name ?? string.Empty;

    /// <summary>Converts a string to a task name.</summary>
    public static implicit operator TaskName(string? name) => string.IsNullOrEmpty(name) ? default : new TaskName(name);

    /// <summary>Converts a task name to its string.</summary>
    public static implicit operator string(TaskName name) => name.Name;

    /// <summary>Equality (case-insensitive).</summary>
    public static bool operator ==(TaskName left, TaskName right) => left.Equals(right);

    /// <summary>Inequality (case-insensitive).</summary>
    public static bool operator !=(TaskName left, TaskName right) => !left.Equals(right);

    /// <summary>Creates a task name from a string.</summary>
    public static TaskName FromString(string? name) => name;

    /// <inheritdoc />
    public bool Equals(TaskName other) => string.Equals(Name, other.Name, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is TaskName other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Name);

    /// <inheritdoc />
    public override string ToString() => Name;
}
