using BenchmarkDotNet.Attributes;
using Dealix.Orchestrations.Replies.Rules;
using Dealix.Orchestrations.Support.Rules;

namespace Dealix.Benchmarks;

/// <summary>Inference cost of the classifiers a webhook runs per inbound message (safety rules + learned model).</summary>
[MemoryDiagnoser]
public class ClassifierBenchmarks
{
    private readonly ReplyClassifier _replies = ReplyClassifier.Default;
    private readonly TicketClassifier _tickets = TicketClassifier.Default;

    /// <summary>A Gulf-Arabic price question, the most common inbound reply.</summary>
    [Benchmark]
    public object ClassifyReplyArabic() => _replies.Classify("السلام عليكم، كم السعر للباقة الشهرية؟");

    /// <summary>A mixed English/Arabizi reply.</summary>
    [Benchmark]
    public object ClassifyReplyMixed() => _replies.Classify("hi, mumkin demo next week? we use HubSpot now");

    /// <summary>A support ticket with subject and body.</summary>
    [Benchmark]
    public object ClassifyTicket() => _tickets.Classify("النظام واقف", "ما نقدر نرسل أي رسالة للعملاء من الصباح، كل شي معطل");
}
