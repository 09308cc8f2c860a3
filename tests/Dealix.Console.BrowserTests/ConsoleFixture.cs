using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dealix.Functions.EndToEndTests.Deals;
using Dealix.Functions.EndToEndTests.Infrastructure;
using Microsoft.Playwright;

namespace Dealix.Console.BrowserTests;

/// <summary>
/// One app for the browser suite (its tests run one after another in this collection): Azurite, the loopback Graph
/// API, the app on Kestrel with two tenants (each with its own WhatsApp number and operator key) and an admin key, and
/// one headless Debian Chromium. Everything started here is stopped in <see cref="DisposeAsync"/>.
/// </summary>
public sealed class ConsoleFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string AlphaKey = "console-alpha-key";
    public const string BetaKey = "console-beta-key";
    public const string AdminKey = "console-admin-key";
    public const string AppSecret = "console-whatsapp-app-secret";
    public const string AlphaPhone = "106540352200001";
    public const string BetaPhone = "106540352200002";
    public static readonly TimeSpan Bound = TimeSpan.FromMinutes(5); // the first classification may wait for the model

    private AzuriteProcess? _azurite;
    private IPlaywright? _playwright;

    public string AlphaTenant { get; } = "alpha" + Guid.NewGuid().ToString("N")[..6];

    public string BetaTenant { get; } = "beta" + Guid.NewGuid().ToString("N")[..6];

    /// <summary>The app's task hub (its queues and tables on Azurite are named after it).</summary>
    public string HubName { get; } = "Console" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>The Azurite the app runs on.</summary>
    public AzuriteProcess Azurite => _azurite!;

    public TestApp App { get; private set; } = null!;

    public FakeGraphApi Graph { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl => App.Client.BaseAddress!.ToString().TrimEnd('/');

    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: install Debian's chromium (apt-get install -y chromium; scripts/test.sh does).");
        }

        _azurite = await AzuriteProcess.StartAsync();
        Graph = await FakeGraphApi.StartAsync();
        App = await TestApp.StartAsync(_azurite, TestApp.CreateScriptRoot(HubName), new Dictionary<string, string?>
        {
            ["WhatsApp:AppSecret"] = AppSecret,
            ["WhatsApp:VerifyToken"] = "console-verify",
            ["WhatsApp:GraphBaseUrl"] = Graph.BaseUrl,
            ["WhatsApp:GraphVersion"] = "v23.0",
            ["WhatsApp:PhoneNumberId"] = AlphaPhone,
            ["WhatsApp:AccessToken"] = "console-access-token",
            [$"WhatsApp:Tenants:{AlphaPhone}"] = AlphaTenant,
            [$"WhatsApp:Tenants:{BetaPhone}"] = BetaTenant,
            ["Deals:LiveSend:WhatsApp"] = "true",
            ["Deals:WarmUpClassifier"] = "true",
            ["Approvals:CallbackSigningKey"] = "console-callback-signing-key-0123456789abcdef",
            ["Outbox:PausedRetryDelay"] = "00:00:01",
            ["Operators:Keys:alpha:Key"] = AlphaKey,
            ["Operators:Keys:alpha:Tenant"] = AlphaTenant,
            ["Operators:Keys:beta:Key"] = BetaKey,
            ["Operators:Keys:beta:Tenant"] = BetaTenant,
            ["Operators:Keys:boss:Key"] = AdminKey,
            ["Operators:Keys:boss:Admin"] = "true",
        });
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true });
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
        }

        if (Graph is not null)
        {
            await Graph.DisposeAsync();
        }

        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }

    /// <summary>A new browser page (own session storage) at the console, at <paramref name="width"/> pixels.</summary>
    public async Task<IPage> OpenConsoleAsync(int width = 1280, int height = 900)
    {
        IBrowserContext context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        IPage page = await context.NewPageAsync();
        await page.GotoAsync(BaseUrl + "/api/console/");
        return page;
    }

    /// <summary>Signs in on the console's form with <paramref name="key"/>.</summary>
    public static async Task SignInAsync(IPage page, string key)
    {
        await page.Locator("#key").FillAsync(key);
        await page.Locator("#signin button[type=submit]").ClickAsync();
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });

    /// <summary>Posts a signed inbound WhatsApp text to the app's webhook as Meta would; answers the correlation id.</summary>
    public async Task<string> InboundAsync(string phoneNumberId, string from, string text)
    {
        string body = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{\"field\":\"messages\",\"value\":{" +
            "\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"966500000000\",\"phone_number_id\":\"" + phoneNumberId + "\"}," +
            "\"contacts\":[{\"profile\":{\"name\":\"Lead\"},\"wa_id\":\"" + from + "\"}],\"messages\":[{\"from\":\"" + from + "\",\"id\":\"wamid." +
            Guid.NewGuid().ToString("N") + "\",\"timestamp\":\"" + DateTimeOffset.UtcNow.ToUnixTimeSeconds() + "\",\"type\":\"text\",\"text\":{\"body\":\"" +
            string.Concat(text.Select(c => c < 128 ? c.ToString() : $"\\u{(int)c:x4}")) + "\"}}]}}]}]}";
        byte[] bytes = Encoding.UTF8.GetBytes(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/webhooks/whatsapp") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Hub-Signature-256", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(AppSecret), bytes)));
        HttpResponseMessage response = await App.Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return response.Headers.GetValues("X-Correlation-Id").Single();
    }

    /// <summary>The tenant's draft of <paramref name="correlationId"/> once it is stored (any status), read with the admin key.</summary>
    public Task<JsonElement> DraftAsync(string tenant, string correlationId, string status = "pending_approval") =>
        Eventually.MatchAsync(async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/approval-center?tenant={tenant}&status={status}&page_size=100");
            request.Headers.Add("x-functions-key", AdminKey);
            HttpResponseMessage response = await App.Client.SendAsync(request);
            response.EnsureSuccessStatusCode();
            JsonElement items = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items");
            return items.EnumerateArray().FirstOrDefault(d => d.GetProperty("correlation_id").GetString() == correlationId);
        }, d => d.ValueKind == JsonValueKind.Object, $"the {status} draft of {correlationId} in {tenant}", Bound);
}

[CollectionDefinition(Name)]
public sealed class ConsoleCollection : ICollectionFixture<ConsoleFixture>
{
    public const string Name = "Operator console in Chromium";
}
