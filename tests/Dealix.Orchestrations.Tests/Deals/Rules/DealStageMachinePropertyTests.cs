using CsCheck;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Deals.Ports;
using Dealix.Orchestrations.Replies.Contracts;
using Dealix.Orchestrations.Replies.Rules;

namespace Dealix.Orchestrations.Tests.Deals.Rules;

/// <summary>
/// Properties of the 12-stage deal state machine (DOMAIN.md §8) over random stages, triggers and trigger
/// sequences: the terminal stage is never left, opt-out is reachable from every other stage, moves into an
/// approval stage always need a person, and no reply is ever sent automatically from an approval stage.
/// </summary>
public class DealStageMachinePropertyTests
{
    // Through the port the workflow uses, so any implementation behind it must keep these properties.
    public static IDealStageRules Machine { get; } = DealTransitionTable.Instance;

    private static readonly Gen<DealStage> AnyStage = Gen.Enum<DealStage>();

    private static readonly Gen<DealStage> NonTerminalStage = AnyStage.Where(s => !DealStages.IsTerminal(s));

    private static readonly Gen<StageTrigger> AnyTrigger = Gen.OneOf(
        Gen.OneOf([.. ReplyIntent.All]).Select(StageTrigger.Intent),
        Gen.Select(
            Gen.OneOf([.. DealTriggers.OperatorEvents, DealTriggers.FollowUpDue, DealTriggers.NoResponseTimeout, "not_an_event", ""]),
            Gen.Bool.Nullable(), Gen.OneOf<string?>([null, "full", "pilot"]), Gen.Int[0, 3],
            (name, criteria, purchase, noShows) => new StageTrigger(name, IsIntent: false, criteria, purchase, noShows)));

    [Fact]
    public void Apply_FromOptedOut_NeverLeavesTheTerminalStage() =>
        AnyTrigger.Sample(trigger => Machine.Apply(DealStage.OptedOut, trigger).To == DealStage.OptedOut);

    [Fact]
    public void Apply_UnsubscribeFromAnyNonTerminalStage_IsOptedOutImmediately() =>
        NonTerminalStage.Sample(stage => Machine.Apply(stage, StageTrigger.Intent(ReplyIntent.Unsubscribe)).To == DealStage.OptedOut);

    [Fact]
    public void Apply_RandomWalk_OnceOptedOutStaysOptedOut() =>
        Gen.Select(AnyStage, AnyTrigger.Array[1, 40]).Sample((start, triggers) =>
        {
            DealStage stage = start;
            bool optedOut = stage == DealStage.OptedOut;
            foreach (StageTrigger trigger in triggers)
            {
                stage = Machine.Apply(stage, trigger).To;
                if (optedOut && stage != DealStage.OptedOut)
                {
                    return false;
                }

                optedOut |= stage == DealStage.OptedOut;
            }

            return true;
        });

    [Fact]
    public void Apply_RandomWalkThenUnsubscribe_AlwaysReachesOptedOut() =>
        Gen.Select(AnyStage, AnyTrigger.Array[0, 30]).Sample((start, triggers) =>
        {
            DealStage stage = triggers.Aggregate(start, (s, t) => Machine.Apply(s, t).To);
            return Machine.Apply(stage, StageTrigger.Intent(ReplyIntent.Unsubscribe)).To == DealStage.OptedOut;
        });

    [Fact]
    public void Apply_MoveIntoApprovalStage_AlwaysNeedsApproval() =>
        Gen.Select(AnyStage, AnyTrigger).Sample((stage, trigger) =>
        {
            StageTransition transition = Machine.Apply(stage, trigger);
            return !transition.Changed || !DealStages.IsApprovalStage(transition.To) || transition.NeedsApproval;
        });

    [Fact]
    public void AutoSend_InApprovalStage_IsAlwaysRefused() =>
        Gen.Select(Gen.OneOf(DealStage.Negotiating, DealStage.PaymentRequested, DealStage.PilotActive),
                Gen.Enum<ReplyCategory>(), Gen.Enum<MessageChannel>(), Gen.Bool, Gen.Bool, Gen.Bool)
            .Sample((stage, category, channel, live, autoReply, answersInbound) =>
            {
                var settings = new DealSettings(live ? new HashSet<MessageChannel> { channel } : [], autoReply, new Dictionary<string, string>());
                var input = new ReplyPolicyInput("t", "c", channel, "addr", stage, ReplyCategories.For(category).WireName,
                    ReplyCategories.For(category).AutoReplyAllowed, answersInbound, new DateTime(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc), false,
                    ReplyCategories.For(category).Response);
                IReadOnlyList<string> refusals = AutoSendPolicy.Refusals(settings, paused: false, input, ComplianceCheck.Allowed,
                    ReplyCategories.For(category).Response, new DateTime(2026, 3, 1, 9, 5, 0, DateTimeKind.Utc));
                return refusals.Contains("approval_stage");
            });

    [Fact]
    public void Apply_UnknownTrigger_LeavesStageUnchanged() =>
        AnyStage.Sample(stage => Machine.Apply(stage, StageTrigger.Event("no_such_event")).To == stage);
}
