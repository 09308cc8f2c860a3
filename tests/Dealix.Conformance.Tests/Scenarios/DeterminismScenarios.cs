using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Dealix.Conformance.Tests.Scenarios;

/// <summary>
/// <see cref="TaskOrchestrationContext.NewGuid"/>: the same values on every replay, distinct within a run, and
/// (so histories and ids move between engines) the name-based UUID the official worker derives.
/// </summary>
public static class DeterminismScenarios
{
    public const string Guids = "Conformance.NewGuid";

    public static void Register(DurableTaskRegistry tasks) => tasks
        .AddOrchestratorFunc<GuidsResult>(Guids, async context =>
        {
            var stamps = new List<string>();
            Guid Next()
            {
                stamps.Add(context.CurrentUtcDateTime.ToString("o", CultureInfo.InvariantCulture));
                return context.NewGuid();
            }

            Guid first = Next();
            Guid second = Next();

            // The activity's result is history: on the replay that finishes the run, first must be regenerated equal.
            string echoed = await context.CallActivityAsync<string>(SharedActivities.Echo.Name, first.ToString());
            Guid third = Next();
            await context.CreateTimer(TimeSpan.FromMilliseconds(100), CancellationToken.None);
            Guid fourth = Next();
            Guid[] all = [first, second, third, fourth];
            return new GuidsResult([.. all.Select(g => g.ToString())], stamps, echoed == first.ToString(), all.Distinct().Count() == all.Length);
        });

    /// <summary>
    /// The guids differ per instance id and per engine clock, so the compared output holds placeholders; what is
    /// compared instead is whether each guid is the official name-based UUID of its instance id, time and counter.
    /// </summary>
    public static async Task<ScenarioOutcome> RunAsync(ScenarioRun run)
    {
        string id = await run.StartAsync(Guids);
        ScenarioOutcome outcome = await run.OutcomeAsync(id);
        GuidsResult? result = outcome.OutputAs<GuidsResult>();
        if (result is null)
        {
            return outcome;
        }

        JsonArray matches = [.. result.Guids.Select((g, i) => (JsonNode)(g == OfficialGuid(id, result.Stamps[i], i).ToString()))];
        var output = outcome.Output!.DeepClone().AsObject();
        foreach (string name in output.Select(p => p.Key).ToList())
        {
            if (name.Equals(nameof(GuidsResult.Guids), StringComparison.OrdinalIgnoreCase))
            {
                output[name] = new JsonArray([.. result.Guids.Select((_, i) => (JsonNode)$"<guid {i}>")]);
            }
            else if (name.Equals(nameof(GuidsResult.Stamps), StringComparison.OrdinalIgnoreCase))
            {
                output[name] = new JsonArray([.. result.Stamps.Select((_, i) => (JsonNode)$"<time {i}>")]);
            }
        }

        return outcome with { Output = output, Observations = new() { ["officialNameBasedGuid"] = matches } };
    }

    /// <summary>The official worker's NewGuid: UUID v5 (SHA-1) of "{instanceId}_{now:o}_{counter}" in its fixed namespace.</summary>
    public static Guid OfficialGuid(string instanceId, string stamp, int counter)
    {
        byte[] ns = Guid.Parse("9e952958-5e33-4daf-827f-2fa12937b875").ToByteArray();
        SwapToNetworkOrder(ns);
        byte[] name = Encoding.UTF8.GetBytes($"{instanceId}_{stamp}_{counter.ToString(CultureInfo.InvariantCulture)}");
#pragma warning disable CA5350 // SHA-1 is what UUID v5 is defined with; nothing here is a secret.
        byte[] hash = SHA1.HashData([.. ns, .. name]);
#pragma warning restore CA5350
        byte[] guid = hash[..16];
        guid[6] = (byte)((guid[6] & 0x0F) | (5 << 4));
        guid[8] = (byte)((guid[8] & 0x3F) | 0x80);
        SwapToNetworkOrder(guid);
        return new Guid(guid);
    }

    private static void SwapToNetworkOrder(byte[] b)
    {
        (b[0], b[3]) = (b[3], b[0]);
        (b[1], b[2]) = (b[2], b[1]);
        (b[4], b[5]) = (b[5], b[4]);
        (b[6], b[7]) = (b[7], b[6]);
    }

    public sealed record GuidsResult(List<string> Guids, List<string> Stamps, bool StableAcrossReplays, bool DistinctWithinRun);
}
