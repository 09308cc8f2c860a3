using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.Deals.Activities;

/// <summary>The idempotency key an activity writes its side effects under.</summary>
internal static class ActivityKeys
{
    /// <summary>
    /// The key the orchestrator passed in the input. A call scheduled before inputs carried a key (in flight across
    /// the move to the official packages) has none; it gets one from its instance, its name and its input, which a
    /// retry re-sends unchanged, so it still writes under one key.
    /// </summary>
    public static string Of<TInput>(TaskActivityContext context, string? passedKey, TInput input)
    {
        if (!string.IsNullOrEmpty(passedKey))
        {
            return passedKey;
        }

        string call = $"{context.InstanceId}|{context.Name}|{JsonSerializer.Serialize(input)}";
        return "legacy-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(call)), 0, 16);
    }
}
