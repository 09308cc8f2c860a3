namespace Dealix.Conformance.Tests.Scenarios;

/// <summary>The comparable part of <see cref="TaskFailureDetails"/>: type, message, whether a stack trace came along, and the inner chain.</summary>
public sealed record FailureShape(string ErrorType, string ErrorMessage, bool HasStackTrace, FailureShape? InnerFailure)
{
    public static FailureShape? From(TaskFailureDetails? details) => details is null
        ? null
        : new FailureShape(details.ErrorType, details.ErrorMessage, !string.IsNullOrEmpty(details.StackTrace), From(details.InnerFailure));
}
