namespace Dealix.Orchestrations.Support.Contracts;

/// <summary>Input of <see cref="SlaSweepOrchestrator"/>: the tick's period (<c>yyyyMMddTHHmm</c>, Asia/Riyadh) and the
/// correlation id the tick made for its flow (§4.2).</summary>
// WARNING: persisted in history.
public sealed record SlaSweepInput(string PeriodKey, string CorrelationId);
