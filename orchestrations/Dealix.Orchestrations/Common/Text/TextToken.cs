namespace Dealix.Orchestrations.Common.Text;

/// <summary>One normalised token and the clause it belongs to (clauses split at punctuation, §9.2).</summary>
public readonly record struct TextToken(string Value, int Clause);
