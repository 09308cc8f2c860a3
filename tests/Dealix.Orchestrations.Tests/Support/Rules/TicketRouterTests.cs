using Dealix.Orchestrations.Support.Contracts;
using Dealix.Orchestrations.Support.Rules;

namespace Dealix.Orchestrations.Tests.Support.Rules;

public class TicketRouterTests
{
    private static readonly DateTime Opened = new(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Route_P0_HasFounderThirtyMinutesAndAutoActions()
    {
        TicketRoute route = TicketRouter.Route(new TicketClassification(TicketPriority.P0, ["تسريب"], "P0 keyword rule", "rules", 1), Opened)!;

        Assert.Equal("founder", route.Tier.Owners[0]);
        Assert.Equal(Opened.AddMinutes(30), route.FirstResponseDueAt);
        Assert.Equal(Opened.AddHours(4), route.ResolutionDueAt);
        Assert.Contains("page_founder", route.AutoActions);
    }

    [Fact]
    public void Route_P3_HasNoAutoActionsAndAWeekToResolve()
    {
        TicketRoute route = TicketRouter.Route(new TicketClassification(TicketPriority.P3, [], "default", "fallback", 0), Opened)!;

        Assert.Empty(route.AutoActions);
        Assert.Equal(Opened.AddDays(7), route.ResolutionDueAt);
    }

    [Fact]
    public void Route_Rejected_IsNull() =>
        Assert.Null(TicketRouter.Route(new TicketClassifier(model: null).Classify("", ""), Opened));
}
