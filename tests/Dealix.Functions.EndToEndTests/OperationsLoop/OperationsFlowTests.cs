using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dealix.Functions.EndToEndTests.Infrastructure;

namespace Dealix.Functions.EndToEndTests.OperationsLoop;

/// <summary>
/// The operations metrics and loop on real Kestrel and Azurite: bad figures are refused with 400 and nothing is stored;
/// figures pushed for revenue and uptime are listed back; another tenant's key gets 403; the loop run on request drafts
/// the uptime post-mortem (readable through its route) and ends with the morning digest, which shows the stored revenue
/// and 7-day uptime instead of "not measured".
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class OperationsFlowTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);
    private readonly string _tenant = "op" + Guid.NewGuid().ToString("N")[..8];
    private TestApp _app = null!;

    private string Key => $"e2e-ops-key-{_tenant}";

    public async Task InitializeAsync() => _app = await TenantApps.StartAsync(azurite.Azurite, "Op", _tenant, Key, "e2e-ops-other-key");

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    [Fact]
    public async Task Metrics_ValidatedAndListed_LoopRunDraftsPostMortemAndDigestShowsRevenueAndUptime()
    {
        DateOnly today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(3));
        string Day(int back) => today.AddDays(-back).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        // Bad input: 400 and nothing stored.
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Put, $"/api/v1/operations/metrics/mrr/{Day(1)}", """{"value":1}""")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Put, $"/api/v1/operations/metrics/uptime_pct/{Day(-1)}", """{"value":99}""")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Put, $"/api/v1/operations/metrics/uptime_pct/{Day(1)}", """{"value":100.5}""")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Put, $"/api/v1/operations/metrics/revenue_sar/{Day(1)}", """{"value":10.123}""")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Put, $"/api/v1/operations/metrics/revenue_sar/{Day(1)}", """{"value":10,"note":"x"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Put, $"/api/v1/operations/metrics/revenue_sar/{Day(1)}", """{"value":"10"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Put, "/api/v1/operations/metrics/revenue_sar/yesterday", """{"value":10}""")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Get, $"/api/v1/operations/metrics?from={Day(1)}&to={Day(2)}")).StatusCode);
        Assert.Equal(0, (await MetricsAsync()).GetArrayLength());

        // An uptime monitor and a finance export push their figures.
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Put, $"/api/v1/operations/metrics/revenue_sar/{Day(1)}", """{"value":1250.75,"source":"finance_export"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Put, $"/api/v1/operations/metrics/uptime_pct/{Day(1)}", """{"value":97}""")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Put, $"/api/v1/operations/metrics/uptime_pct/{Day(2)}", """{"value":99.9}""")).StatusCode);
        JsonElement metrics = await MetricsAsync();
        Assert.Equal([("uptime_pct", Day(2), 99.9m), ("revenue_sar", Day(1), 1250.75m), ("uptime_pct", Day(1), 97m)],
            metrics.EnumerateArray().Select(m => (m.GetProperty("metric").GetString(), m.GetProperty("day").GetString(), m.GetProperty("value").GetDecimal())));

        // Another tenant's key reads nothing of this tenant.
        var foreign = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/operations/metrics?tenant={_tenant}");
        foreign.Headers.Add("x-functions-key", "e2e-ops-other-key");
        Assert.Equal(HttpStatusCode.Forbidden, (await _app.Client.SendAsync(foreign)).StatusCode);

        // The loop on request: 7-day uptime (97 + 99.9) / 2 = 98.45 % < 99.5 %: a post-mortem; then the morning digest.
        string period = today.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Accepted, (await SendAsync(HttpMethod.Post, $"/api/v1/loops/operations/run?period={period}")).StatusCode);
        JsonElement digest = await Eventually.MatchAsync(async () =>
            {
                HttpResponseMessage r = await SendAsync(HttpMethod.Get, $"/api/v1/reports/morning-digest?period={period}");
                return r.StatusCode == HttpStatusCode.OK ? await r.Content.ReadFromJsonAsync<JsonElement>() : default;
            }, r => r.ValueKind == JsonValueKind.Object, "the morning digest", Bound);
        JsonElement content = digest.GetProperty("content");
        Assert.Equal("1250.75", content.GetProperty("revenue").GetProperty("value").GetString());
        Assert.Equal("98.45", content.GetProperty("uptime").GetProperty("value").GetString());

        JsonElement postMortem = await (await SendAsync(HttpMethod.Get, $"/api/v1/operations/post-mortems/uptime-{period}")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("engineer", postMortem.GetProperty("owner").GetString());
        Assert.StartsWith($"# Post-mortem uptime-{period} (SEV3): 7-day uptime 98.45 % under 99.5 %", postMortem.GetProperty("markdown").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Get, "/api/v1/operations/post-mortems/incident-1")).StatusCode);
    }

    private async Task<JsonElement> MetricsAsync() =>
        (await (await SendAsync(HttpMethod.Get, "/api/v1/operations/metrics")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("metrics");

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? body = null) => _app.SendAsync(method, path, Key, body);
}
