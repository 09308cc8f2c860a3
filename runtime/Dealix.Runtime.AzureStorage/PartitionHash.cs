using System.Text;

namespace Dealix.Runtime.AzureStorage;

/// <summary>Maps an instance id to its control-queue partition with a stable hash (FNV-1a over UTF-8).</summary>
/// <remarks>WARNING: persisted routing; string.GetHashCode differs per process and must never be used here.</remarks>
internal static class PartitionHash
{
    public static int PartitionOf(string instanceId, int partitionCount)
    {
        uint hash = 2166136261;
        foreach (byte b in Encoding.UTF8.GetBytes(instanceId))
        {
            hash ^= b;
            hash *= 16777619;
        }

        return (int)(hash % (uint)partitionCount);
    }
}
