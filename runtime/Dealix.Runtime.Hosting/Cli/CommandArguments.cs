using System.Globalization;

namespace Dealix.Runtime.Hosting.Cli;

/// <summary>
/// Options of a <c>durable</c> command: <c>--name value</c>, <c>--name v1 v2</c> (several values) or a bare
/// <c>--flag</c>. Unknown options are reported so that a typo does not silently change what a command does.
/// </summary>
internal sealed class CommandArguments
{
    private readonly Dictionary<string, List<string>> _options = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _read = new(StringComparer.OrdinalIgnoreCase);

    public CommandArguments(IEnumerable<string> args)
    {
        List<string>? current = null;
        foreach (string arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                current = [];
                _options[arg[2..]] = current;
            }
            else if (current is not null)
            {
                current.Add(arg);
            }
            else
            {
                throw new CommandException($"Unexpected argument '{arg}': options are written --name value.");
            }
        }
    }

    public string? Value(string name)
    {
        _read.Add(name);
        return _options.TryGetValue(name, out List<string>? values) ? (values.Count == 0 ? "true" : string.Join(' ', values)) : null;
    }

    public IReadOnlyList<string> Values(string name)
    {
        _read.Add(name);
        return _options.TryGetValue(name, out List<string>? values) ? values : [];
    }

    public string Required(string name) =>
        Value(name) is { Length: > 0 } value ? value : throw new CommandException($"--{name} is required.");

    public bool Flag(string name) => Value(name) is { } value && (value == "true" || (bool.TryParse(value, out bool b) && b));

    public int Int(string name, int fallback, int min, int max)
    {
        string? text = Value(name);
        if (text is null)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) && value >= min && value <= max
            ? value
            : throw new CommandException($"--{name} '{text}' must be a whole number between {min} and {max}.");
    }

    public DateTimeOffset? Time(string name)
    {
        string? text = Value(name);
        if (text is null)
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTimeOffset value)
            ? value
            : throw new CommandException($"--{name} '{text}' is not a date and time (e.g. 2026-01-31T00:00:00Z).");
    }

    /// <summary>Inline JSON, or <c>@path</c> to read it from a file; null when absent.</summary>
    public string? Json(string name)
    {
        string? text = Value(name);
        if (text is null)
        {
            return null;
        }

        if (text.StartsWith('@'))
        {
            string path = text[1..];
            return File.Exists(path) ? File.ReadAllText(path) : throw new CommandException($"--{name}: file '{path}' does not exist.");
        }

        return text;
    }

    public void EnsureAllRead()
    {
        string[] unknown = [.. _options.Keys.Where(k => !_read.Contains(k))];
        if (unknown.Length > 0)
        {
            throw new CommandException($"Unknown option(s): {string.Join(", ", unknown.Select(u => "--" + u))}.");
        }
    }
}

/// <summary>A command-line mistake, reported without a stack trace.</summary>
internal sealed class CommandException : Exception
{
    public CommandException(string message)
        : base(message)
    {
    }

    public CommandException()
    {
    }

    public CommandException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
