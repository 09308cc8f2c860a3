namespace Dealix.Functions.EndToEndTests.Reliability;

/// <summary>
/// Which crash points the crash tests arm. A plan is <c>point:pass|point:pass|…</c>, one life per point in order
/// (the flow moves on while a life runs, so later points belong to later phases), or <c>random:ID:N</c>: N lives each
/// SIGKILLed by the test at a random moment.
/// </summary>
public static class CrashPlans
{
    /// <summary>
    /// The CI slice: one run, six points, seven lives (each life costs a cold start and the engine's lease takeover, so
    /// the slice is one run): intake, a lost episode, approvals, the outbox before and after the provider call, recovery.
    /// </summary>
    public static readonly string[] Slice =
    [
        "inbox.after-dedup:2|activity.after:CreateReplyDraft:2|decision.after-transition:2|outbox.after-claim:1|outbox.after-provider-call:1|recovery.before-resolve:1",
    ];

    /// <summary>Runs of several points the sweep adds to the single-point runs.</summary>
    public static readonly string[] Combined =
    [
        "inbox.after-handover:2|orchestrator:DealLifecycle:3|decision.after-raise:3|outbox.after-provider-call:1",
    ];

    /// <summary>Every crash point of the product path (RELIABILITY.md), for the sweep.</summary>
    public static readonly string[] Points =
    [
        "inbox.after-dedup", "inbox.after-handover",
        "orchestrator:DealLifecycle", "orchestrator:DraftApproval",
        "activity.before:ClassifyInboundMessage", "activity.after:ClassifyInboundMessage",
        "activity.after:DecideStageTransition", "activity.after:EvaluateReplyPolicy",
        "activity.before:CreateReplyDraft", "activity.after:CreateReplyDraft",
        "decision.after-transition", "decision.after-raise",
        "activity.before:QueueOutboundMessage", "activity.after:QueueOutboundMessage",
        "outbox.after-claim", "outbox.after-provider-call",
        "timer.outbox-recovery", "recovery.after-mark", "recovery.before-resolve",
    ];

    /// <summary>The slice, or the sweep when <c>DEALIX_CRASH_SWEEP=1</c>.</summary>
    public static IEnumerable<string> Selected()
    {
        if (Environment.GetEnvironmentVariable("DEALIX_CRASH_SWEEP") != "1")
        {
            return Slice;
        }

        // Each point alone at its first pass; recovery points need a claim or an approval left behind first.
        return Points.Select(p => p.StartsWith("recovery.", StringComparison.Ordinal) ? $"outbox.after-claim:1|{p}:1" : $"{p}:1")
            .Concat(Combined).Concat(Enumerable.Range(1, 3).Select(i => $"random:{i}:3"));
    }

    /// <summary>The lives' armed points and, for random plans, the delay before the test kills each life.</summary>
    public static (IReadOnlyList<string?> Points, Func<TimeSpan?>? RandomKill) Parse(string plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.StartsWith("random:", StringComparison.Ordinal))
        {
            int kills = int.Parse(plan.Split(':')[2], System.Globalization.CultureInfo.InvariantCulture);
            int left = kills;
            var random = new Random();
            return (new string?[kills], () => left-- > 0 ? TimeSpan.FromMilliseconds(random.Next(3_000, 20_000)) : null);
        }

        return ([.. plan.Split('|')], null);
    }
}
