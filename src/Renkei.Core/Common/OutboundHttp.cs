using System.Net;
using System.Net.Sockets;

namespace Renkei.Common;

/// <summary>
/// Rules for the calls Renkei makes to addresses its users give it (webhooks, partner TAXII
/// feeds): https only, no credentials in the URL, and no loopback or private addresses — checked
/// when the address is saved and again on connect, because a name can resolve anywhere. Tests on
/// loopback relax the last two through their feature's options.
/// </summary>
public static class OutboundHttp
{
    /// <summary>Why a URL may not be called, or null.</summary>
    public static string? CheckUrl(string url, bool allowHttp, bool allowPrivateNetworks)
    {
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return "must be an absolute https:// URL";
        }
        if (uri.Scheme == Uri.UriSchemeHttp && !allowHttp)
        {
            return "must use https://";
        }
        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return "must not carry credentials";
        }
        if (!allowPrivateNetworks && (uri.IsLoopback || (IPAddress.TryParse(uri.IdnHost, out var ip) && !IsPublic(ip))))
        {
            return "must be a public address";
        }
        return null;
    }

    /// <summary>Whether an address is on the public internet (not loopback, private, link-local or unspecified).</summary>
    public static bool IsPublic(IPAddress ip)
    {
        if (ip.IsIPv4MappedToIPv6)
        {
            ip = ip.MapToIPv4();
        }
        if (IPAddress.IsLoopback(ip) || ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any) || ip.IsIPv6LinkLocal || ip.IsIPv6SiteLocal || ip.IsIPv6UniqueLocal)
        {
            return false;
        }
        var b = ip.GetAddressBytes();
        return b.Length != 4 || !(b[0] == 10 || (b[0] == 172 && b[1] >= 16 && b[1] <= 31) || (b[0] == 192 && b[1] == 168) || (b[0] == 169 && b[1] == 254)
            || (b[0] == 100 && b[1] >= 64 && b[1] <= 127) || b[0] == 0 || b[0] >= 224);
    }

    /// <summary>A handler that follows no redirects, keeps no cookies and connects only to public addresses (unless allowed).</summary>
    public static SocketsHttpHandler Handler(bool allowPrivateNetworks) => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectCallback = async (context, ct) =>
        {
            var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, ct);
            var address = addresses.FirstOrDefault(a => allowPrivateNetworks || IsPublic(a))
                ?? throw new HttpRequestException($"{context.DnsEndPoint.Host} resolves to no public address");
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(address, context.DnsEndPoint.Port, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}
