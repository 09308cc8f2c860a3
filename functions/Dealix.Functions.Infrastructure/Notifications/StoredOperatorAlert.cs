using Dealix.Orchestrations.Notifications;

namespace Dealix.Functions.Infrastructure.Notifications;

/// <summary>An alert as recorded, with its row id and overall status (<see cref="AlertStatus"/>).</summary>
public sealed record StoredOperatorAlert(string AlertId, OperatorAlert Alert, DateTimeOffset At, string Status);
