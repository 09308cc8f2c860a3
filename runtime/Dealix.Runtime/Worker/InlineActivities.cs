using Dealix.Runtime.Backend;

namespace Dealix.Runtime.Worker;

/// <summary>How an episode runs the activities it schedules in process (see <see cref="EpisodeProcessor.ProcessAsync"/>).</summary>
/// <param name="Run">Runs one activity request and returns its TaskCompleted or TaskFailed event.</param>
/// <param name="MaxRounds">Rounds of activities run in process before the episode commits anyway.</param>
/// <param name="MaxActivitiesPerRound">A round that schedules more activities than this sends them through the backend.</param>
internal sealed record InlineActivities(Func<ActivityMessage, Task<HistoryEvent>> Run, int MaxRounds, int MaxActivitiesPerRound);
