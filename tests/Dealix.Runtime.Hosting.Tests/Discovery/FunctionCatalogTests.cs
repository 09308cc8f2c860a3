using Dealix.Runtime.Hosting.Discovery;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Dealix.Runtime.Hosting.Tests.Discovery;

/// <summary>Discovery finds every kind of function and refuses ill-formed ones with a list of reasons.</summary>
public sealed class FunctionCatalogTests
{
    [Fact]
    public void Discover_TestFunctions_FindsEachWithItsKind()
    {
        var functions = FunctionCatalog.Discover([typeof(TestFunctions), typeof(DurableFunctions)]).ToDictionary(f => f.Name, f => f.Kind);

        Assert.Equal(FunctionKind.Queue, functions["QueueTrigger"]);
        Assert.Equal(FunctionKind.Timer, functions["TimerTrigger"]);
        Assert.Equal(FunctionKind.Http, functions["Hello"]);
        Assert.Equal(FunctionKind.Orchestration, functions["Greeter"]);
        Assert.Equal(FunctionKind.Activity, functions["Greet"]);
    }

    [Fact]
    public void Discover_IllFormedFunctions_ListsEveryProblem()
    {
        var error = Assert.Throws<InvalidOperationException>(() => FunctionCatalog.Discover([typeof(BrokenFunctions)]));

        Assert.Contains("has no trigger parameter", error.Message, StringComparison.Ordinal);
        Assert.Contains("has 2 trigger parameters", error.Message, StringComparison.Ordinal);
        Assert.Contains("must be a TimerInfo", error.Message, StringComparison.Ordinal);
        Assert.Contains("declared more than once", error.Message, StringComparison.Ordinal);
    }

    internal static class DurableFunctions
    {
        [Function("Greeter")]
        public static Task<string> Run([OrchestrationTrigger] TaskOrchestrationContext context) => context.CallActivityAsync<string>("Greet", "x");

        [Function("Greet")]
        public static string Greet([ActivityTrigger] string name) => name;
    }

    internal static class BrokenFunctions
    {
        [Function("NoTrigger")]
        public static void NoTrigger(string input) => _ = input;

        [Function("TwoTriggers")]
        public static void TwoTriggers([QueueTrigger("a")] string a, [QueueTrigger("b")] string b) => _ = a + b;

        [Function("WrongTimer")]
        public static void WrongTimer([TimerTrigger("* * * * * *")] string timer) => _ = timer;

        [Function("Twice")]
        public static void Once([QueueTrigger("a")] string a) => _ = a;

        [Function("Twice")]
        public static void Again([QueueTrigger("a")] string a) => _ = a;
    }
}
