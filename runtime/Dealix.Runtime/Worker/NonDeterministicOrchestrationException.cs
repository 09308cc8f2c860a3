namespace Dealix.Runtime.Worker;

/// <summary>
/// The orchestrator code no longer matches its recorded history: at some step it scheduled something other than
/// what the history holds. The instance fails with this message rather than hanging or corrupting its state.
/// </summary>
public sealed class NonDeterministicOrchestrationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public NonDeterministicOrchestrationException(int step, string codeAction, string historyAction, string orchestratorName, string instanceId)
        : base($"Non-deterministic orchestration '{orchestratorName}' (instance '{instanceId}'): at step {step} the code {codeAction}, but the history holds {historyAction}. " +
               "A changed orchestrator must not reorder, add or remove durable calls before the point its running instances have reached; ship the change as a new orchestrator version.")
    {
        Step = step;
        CodeAction = codeAction;
        HistoryAction = historyAction;
    }

    /// <summary>Creates the exception.</summary>
    public NonDeterministicOrchestrationException()
        : this("The orchestration is non-deterministic.")
    {
    }

    /// <summary>Creates the exception.</summary>
    public NonDeterministicOrchestrationException(string message)
        : base(message)
    {
        CodeAction = string.Empty;
        HistoryAction = string.Empty;
    }

    /// <summary>Creates the exception.</summary>
    public NonDeterministicOrchestrationException(string message, Exception innerException)
        : base(message, innerException)
    {
        CodeAction = string.Empty;
        HistoryAction = string.Empty;
    }

    /// <summary>The step (task sequence number) where code and history diverged.</summary>
    public int Step { get; }

    /// <summary>What the code did at that step.</summary>
    public string CodeAction { get; }

    /// <summary>What the history holds at that step.</summary>
    public string HistoryAction { get; }
}
