using System.Text.Json;

namespace Dealix.Orchestrations.Onboarding.Contracts;

/// <summary>Input of <see cref="Activities.StartOrchestrationOnce"/>: which orchestration, under which id, with what input.</summary>
/// <remarks>WARNING: persisted in history.</remarks>
public sealed record StartOnceInput(string Orchestrator, string InstanceId, JsonElement Input);
