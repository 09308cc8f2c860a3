using Dealix.Orchestrations.Support.Contracts;
using Dealix.Orchestrations.Support.Rules;

namespace Dealix.Orchestrations.Tests.Support.Rules;

public class SupportPrioritiesTests
{
    [Theory]
    [InlineData(TicketPriority.P0, 30, 240, "founder")]
    [InlineData(TicketPriority.P1, 120, 1440, "engineer")]
    [InlineData(TicketPriority.P2, 480, 4320, "operator")]
    [InlineData(TicketPriority.P3, 1440, 10080, "operator")]
    public void For_Priority_HasDocumentTargetsAndOwner(TicketPriority priority, int firstResponseMinutes, int resolutionMinutes, string owner)
    {
        PriorityTier tier = SupportPriorities.For(priority);

        Assert.Equal(TimeSpan.FromMinutes(firstResponseMinutes), tier.FirstResponseTarget);
        Assert.Equal(TimeSpan.FromMinutes(resolutionMinutes), tier.ResolutionTarget);
        Assert.Equal(owner, tier.Owners[0]);
    }

    [Fact]
    public void FirstResponse_P0_IsArabicAndStatesThirtyMinutes() =>
        Assert.Contains("30 دقيقة", SupportPriorities.FirstResponse(TicketPriority.P0), StringComparison.Ordinal);

    [Fact]
    public void All_ListsFourTiersMostUrgentFirst() =>
        Assert.Equal([TicketPriority.P0, TicketPriority.P1, TicketPriority.P2, TicketPriority.P3], SupportPriorities.All.Select(t => t.Priority));
}
