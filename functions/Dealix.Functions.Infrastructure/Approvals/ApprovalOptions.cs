namespace Dealix.Functions.Infrastructure.Approvals;

/// <summary>Settings section <c>Approvals</c>: how approval callback URLs are built and signed.</summary>
public sealed class ApprovalOptions
{
    public const string Section = "Approvals";

    /// <summary>The HMAC-SHA256 key for callback tokens (<c>Approvals__CallbackSigningKey</c>), at least 32 characters.
    /// A secret: never logged.</summary>
    public string CallbackSigningKey { get; set; } = string.Empty;

    /// <summary>The app's public base URL, e.g. <c>https://dealix.example</c> (<c>Approvals__PublicBaseUrl</c>).</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:7071";

    /// <summary>How long a callback URL stays valid.</summary>
    public TimeSpan CallbackLifetime { get; set; } = TimeSpan.FromHours(24);
}
