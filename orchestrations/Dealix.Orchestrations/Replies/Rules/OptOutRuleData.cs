using Dealix.Orchestrations.Common.Text;

namespace Dealix.Orchestrations.Replies.Rules;

/// <summary>The JSON shape of <c>Replies/Data/optout-rules.json</c>.</summary>
public sealed record OptOutRuleData(
    Dictionary<string, List<string>> Lists,
    List<PatternData> Patterns,
    List<string> ExactMessages,
    List<string> ShortClauseStarts);
