namespace Dealix.Runtime.Client;

/// <summary>The rules an instance id must follow (the same as Azure Storage row keys need, and a little stricter).</summary>
public static class InstanceIds
{
    /// <summary>The longest id accepted.</summary>
    public const int MaxLength = 100;

    /// <summary>Returns why <paramref name="instanceId"/> is not a valid instance id, or null when it is.</summary>
    public static string? Problem(string? instanceId)
    {
        if (string.IsNullOrEmpty(instanceId))
        {
            return "The instance id must not be empty.";
        }

        if (instanceId.Length > MaxLength)
        {
            return $"The instance id is {instanceId.Length} characters long; at most {MaxLength} are allowed.";
        }

        if (string.IsNullOrWhiteSpace(instanceId))
        {
            return "The instance id must not be only whitespace.";
        }

        foreach (char c in instanceId)
        {
            if (char.IsControl(c))
            {
                return $"The instance id contains the control character U+{(int)c:X4}.";
            }

            if (c is '/' or '\\' or '#' or '?')
            {
                return $"The instance id contains '{c}', which is not allowed (/ \\ # ?).";
            }
        }

        return null;
    }

    /// <summary>Throws <see cref="ArgumentException"/> when the id is invalid.</summary>
    public static void Validate(string? instanceId, string paramName = "instanceId")
    {
        if (Problem(instanceId) is { } problem)
        {
            throw new ArgumentException(problem, paramName);
        }
    }
}
