namespace Dealix.Orchestrations.Common.Text;

/// <summary>The JSON shape of a keyword data file: named word lists and patterns over them.</summary>
public sealed record PatternSetData(
    Dictionary<string, List<string>> Lists,
    List<PatternData> Patterns);

/// <summary>One pattern entry of a keyword data file.</summary>
public sealed record PatternData(
    string Id,
    string Pattern,
    bool SameClause = false,
    List<string>? NotPrecededBy = null,
    int PrecedingWindow = 1,
    List<string>? NotFollowedBy = null,
    int FollowingWindow = 1);
