using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Renkei.Common;

namespace Renkei.Webhooks;

/// <summary>
/// Makes one signed webhook call. The body is signed with HMAC-SHA256 over
/// "<c>{timestamp}.{body}</c>" (header <c>Renkei-Signature: t={timestamp},v1={hex}</c>), so a
/// receiver can check both origin and freshness; <c>Renkei-Delivery-Id</c> is the same on every
/// retry of a call, so a receiver can drop repeats. Redirects are not followed, and the address
/// connected to is checked again (<see cref="OutboundHttp"/>).
/// </summary>
public sealed class WebhookSender : IDisposable
{
    private readonly HttpClient _http;
    private readonly TimeProvider _time;

    public WebhookSender(IOptions<WebhookOptions> options, TimeProvider time)
    {
        _time = time;
        var handler = OutboundHttp.Handler(options.Value.AllowPrivateNetworks);
        _http = new HttpClient(handler) { Timeout = options.Value.Timeout };
    }

    public static string Sign(string secret, long timestamp, string body)
    {
        var mac = HMACSHA256.HashData(Convert.FromBase64String(secret), Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + "." + body));
        return $"t={timestamp.ToString(CultureInfo.InvariantCulture)},v1={Convert.ToHexStringLower(mac)}";
    }

    /// <summary>Calls the endpoint; returns the HTTP status (2xx is success).</summary>
    public async Task<int> SendAsync(string url, string secret, OutboundWebhook call, CancellationToken ct)
    {
        var timestamp = _time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(call.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Renkei-Delivery-Id", call.Id.ToString("D"));
        request.Headers.Add("Renkei-Event", call.Topic);
        request.Headers.Add("Renkei-Signature", Sign(secret, timestamp, call.Payload));
        request.Headers.UserAgent.ParseAdd("Renkei-Webhooks/1");
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        return (int)response.StatusCode;
    }

    public void Dispose() => _http.Dispose();
}
