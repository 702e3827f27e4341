using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Renkei.Testing;

/// <summary>A message as the SMTP sink received it.</summary>
public sealed record SinkMessage(string MailFrom, IReadOnlyList<string> RcptTos, string Subject, string MessageId, string Body, string Raw);

/// <summary>
/// A real SMTP server on loopback (aiosmtpd, from Debian's python3-aiosmtpd, which the test
/// script installs) that keeps every message it accepts. Stopped on dispose.
/// </summary>
public sealed class SmtpSink : IDisposable
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };
    private readonly Process _process;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "renkei-smtp", Guid.NewGuid().ToString("N"));

    public int Port { get; }

    public SmtpSink()
    {
        Port = FreePort();
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        var start = new ProcessStartInfo(python, ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "smtp_sink.JsonDirectory", _directory])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.Environment["PYTHONPATH"] = AppContext.BaseDirectory;
        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the SMTP sink.");
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException("The SMTP sink (python3 -m aiosmtpd) exited: " + _process.StandardError.ReadToEnd() +
                    " — install Debian's python3-aiosmtpd (./scripts/test.sh does).");
            }
            try
            {
                using var probe = new TcpClient();
                probe.Connect(IPAddress.Loopback, Port);
                break;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(100);
            }
        }
    }

    public IReadOnlyList<SinkMessage> Messages()
    {
        if (!System.IO.Directory.Exists(_directory))
        {
            return [];
        }
        return System.IO.Directory.GetFiles(_directory, "*.json")
            .Select(f => JsonSerializer.Deserialize<SinkMessage>(File.ReadAllText(f), Json)!)
            .ToList();
    }

    public IReadOnlyList<SinkMessage> To(string address) =>
        Messages().Where(m => m.RcptTos.Contains(address, StringComparer.OrdinalIgnoreCase)).ToList();

    /// <summary>Waits until a message to the address arrives that matches.</summary>
    public async Task<SinkMessage> WaitForAsync(string address, Func<SinkMessage, bool>? match = null, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            if (To(address).FirstOrDefault(m => match?.Invoke(m) ?? true) is { } found)
            {
                return found;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"No matching e-mail to {address} within {seconds} s; the sink has {Messages().Count} message(s).");
    }

    public void Dispose()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
        }
        _process.Dispose();
        try
        {
            System.IO.Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
