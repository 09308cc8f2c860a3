using System.Globalization;
using System.Text.RegularExpressions;

namespace Dealix.Runtime.AzureStorage;

/// <summary>Names of a task hub's queues, tables and container, all derived from the hub name.</summary>
/// <remarks>WARNING: these names are the storage layout; renaming one orphans existing hubs.</remarks>
internal sealed partial class TaskHubNames
{
    public TaskHubNames(string hubName, int partitionCount)
    {
        Validate(hubName);
        string lower = hubName.ToLowerInvariant();
        ControlQueues = Enumerable.Range(0, partitionCount)
            .Select(i => $"{lower}-control-{i.ToString("D2", CultureInfo.InvariantCulture)}")
            .ToArray();
        ActivityQueue = $"{lower}-workitems";
        HistoryTable = $"{hubName}History";
        InstancesTable = $"{hubName}Instances";
        LeasesTable = $"{hubName}Leases";
        DeadLettersTable = $"{hubName}DeadLetters";
        PayloadContainer = $"{lower}-payloads";
    }

    /// <summary>Control queues, one per partition.</summary>
    public IReadOnlyList<string> ControlQueues { get; }

    /// <summary>The activity work-item queue shared by all workers.</summary>
    public string ActivityQueue { get; }

    /// <summary>Authoritative state: one partition per instance (instance row, history rows, outbox rows).</summary>
    public string HistoryTable { get; }

    /// <summary>Query index: one row per instance, copied from the instance row after each commit.</summary>
    public string InstancesTable { get; }

    /// <summary>Partition leases and worker presence.</summary>
    public string LeasesTable { get; }

    /// <summary>Poison messages and quarantined data.</summary>
    public string DeadLettersTable { get; }

    /// <summary>Gzipped payloads too large for a queue message or a table property.</summary>
    public string PayloadContainer { get; }

    public static void Validate(string hubName)
    {
        if (hubName is null || !HubNamePattern().IsMatch(hubName))
        {
            throw new ArgumentException(
                $"Task hub name '{hubName}' is invalid: use 3 to 40 letters and digits, starting with a letter.", nameof(hubName));
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,39}$")]
    private static partial Regex HubNamePattern();
}
