namespace Dealix.Functions.Infrastructure.Notifications;

/// <summary>A parsed kill-switch command: pause (true) or resume, and the text after the command word.</summary>
public sealed record OperatorCommand(bool Paused, string Argument);
