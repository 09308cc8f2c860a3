namespace Dealix.Conformance.Tests.Scenarios;

/// <summary>Activities several scenarios call, written as class-based <see cref="TaskActivity{TInput, TOutput}"/>s.</summary>
public static class SharedActivities
{
    public static void Register(DurableTaskRegistry tasks) => tasks
        .AddActivity<SayHello>()
        .AddActivity<Square>()
        .AddActivity<RecordAttemptAndFail>()
        .AddActivity<Echo>();

    /// <summary>"Hello {city}!" — the classic sequence activity.</summary>
    [DurableTask(Name)]
    public sealed class SayHello : TaskActivity<string, string>
    {
        public const string Name = "Conformance.SayHello";

        public override Task<string> RunAsync(TaskActivityContext context, string input) => Task.FromResult($"Hello {input}!");
    }

    [DurableTask(Name)]
    public sealed class Square : TaskActivity<int, int>
    {
        public const string Name = "Conformance.Square";

        public override Task<int> RunAsync(TaskActivityContext context, int input) => Task.FromResult(input * input);
    }

    /// <summary>
    /// Records the attempt in <see cref="AttemptLog"/> and always fails: with <see cref="ArgumentException"/> on the
    /// attempt the input names (0 = never), otherwise with <see cref="InvalidOperationException"/>.
    /// </summary>
    [DurableTask(Name)]
    public sealed class RecordAttemptAndFail : TaskActivity<int, string>
    {
        public const string Name = "Conformance.RecordAttemptAndFail";

        public override Task<string> RunAsync(TaskActivityContext context, int input)
        {
            int attempt = AttemptLog.Record(context.InstanceId);
            if (attempt == input)
            {
                throw new ArgumentException($"attempt {attempt} rejected the input");
            }

            throw new InvalidOperationException($"attempt {attempt} failed");
        }
    }

    [DurableTask(Name)]
    public sealed class Echo : TaskActivity<string, string>
    {
        public const string Name = "Conformance.Echo";

        public override Task<string> RunAsync(TaskActivityContext context, string input) => Task.FromResult(input);
    }
}
