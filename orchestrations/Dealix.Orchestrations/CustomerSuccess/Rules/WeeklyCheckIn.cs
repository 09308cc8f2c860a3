using System.Globalization;
using Dealix.Orchestrations.Common.Text;
using Dealix.Orchestrations.CustomerSuccess.Contracts;

namespace Dealix.Orchestrations.CustomerSuccess.Rules;

/// <summary>The weekly check-in of DOMAIN.md §14.2 (<c>CustomerSuccess/Data/check-in.json</c>): the 25-minute agenda
/// and the Arabic talking points with the customer's numbers filled in. Pure.</summary>
public static class WeeklyCheckIn
{
    private static readonly Template Data = EmbeddedData.ReadJson<Template>("CustomerSuccess.Data.check-in.json");

    /// <summary>The agenda and talking points for a customer with <paramref name="draftsPending"/> drafts awaiting approval.</summary>
    public static CheckInAgenda Build(int draftsPending)
    {
        string pending = Math.Max(0, draftsPending).ToString(CultureInfo.InvariantCulture);
        return new CheckInAgenda(
            Data.Agenda.Sum(a => a.Minutes),
            Data.Agenda,
            [.. Data.TalkingPoints.Select(p => p.Replace("{drafts_pending}", pending, StringComparison.Ordinal))]);
    }

    private sealed record Template(List<AgendaItem> Agenda, List<string> TalkingPoints);
}
