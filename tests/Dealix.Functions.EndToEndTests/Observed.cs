using System.Net;
using System.Text.Json;

namespace Dealix.Functions.EndToEndTests;

/// <summary>One management API answer: status code, the instance's runtime status, its body and Location header.</summary>
public sealed record Observed(HttpStatusCode Code, string? RuntimeStatus, JsonElement? Body, Uri? Location);
