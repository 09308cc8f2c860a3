namespace Dealix.Orchestrations.Content.Contracts;

/// <summary>
/// Output of a weekly content run: its status (<c>completed</c>, <c>skipped: paused</c>, <c>invalid_trigger</c>), the
/// week, how many entries were stored now, how many already existed (a re-run), how many the gate blocked, and whether
/// the content team was told.
/// </summary>
// WARNING: persisted in history.
public sealed record ContentRunResult(string Status, string Week, int Stored, int Existing, int Blocked, bool Notified = false);
