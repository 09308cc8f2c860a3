namespace Dealix.Orchestrations.CustomerSuccess.Contracts;

/// <summary>The weekly check-in of §14.2: the timed agenda (25 minutes in all) and the Arabic talking points.</summary>
public sealed record CheckInAgenda(int TotalMinutes, IReadOnlyList<AgendaItem> Agenda, IReadOnlyList<string> TalkingPoints);

/// <summary>One agenda slot.</summary>
public sealed record AgendaItem(int Minutes, string Topic);
