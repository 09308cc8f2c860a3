namespace Dealix.Functions.Infrastructure.Channels;

/// <summary>Settings section <c>Unifonic</c>: SMS.</summary>
public sealed class UnifonicOptions
{
    public const string Section = "Unifonic";

    public string BaseUrl { get; set; } = "https://el.cloud.unifonic.com";

    /// <summary>A secret: the application id that authenticates calls.</summary>
    public string AppSid { get; set; } = string.Empty;

    public string SenderId { get; set; } = string.Empty;

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
