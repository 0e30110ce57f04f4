using System.Globalization;
using ContactCenter.Interop.Tests.Peers;
using ContactCenter.TestSupport;

namespace ContactCenter.Interop.Tests.Baresip;

/// <summary>A headless baresip in its own temporary config folder: SIP on 127.0.0.1 (a free port; TLS on the next
/// one when a certificate is given), audio from a generated WAV through <c>aufile</c> and to ALSA's null device, no
/// stdin, driven through <c>ctrl_tcp</c> (the <c>menu</c> module provides dial/hangup/quit). Stopped with ctrl_tcp
/// quit, killed when that does not work in time.</summary>
internal sealed class BaresipInstance : IAsyncDisposable
{
    private BaresipInstance(string folder, int sipPort, PeerProcess process, BaresipControl control)
    {
        Folder = folder;
        SipPort = sipPort;
        Process = process;
        Control = control;
    }

    public string Folder { get; }

    /// <summary>The UDP/TCP port baresip listens on (TLS: the next one).</summary>
    public int SipPort { get; }

    public PeerProcess Process { get; }

    public BaresipControl Control { get; }

    public string Diagnostics => $"baresip events: {Control.EventSummary}\n{Process.Tail(40)}";

    /// <summary>Starts baresip with one account line (<c>&lt;sip:user@host&gt;;params</c>, see baresip's accounts file).</summary>
    public static async Task<BaresipInstance> StartAsync(string account, TestCertificate? tls, CancellationToken cancellationToken)
    {
        var baresip = PeerTools.Baresip();
        var folder = Directory.CreateTempSubdirectory("cc-interop-baresip-").FullName;
        var sipPort = LoopbackPorts.UdpAndTcp(andNext: tls is not null);
        var controlPort = LoopbackPorts.Tcp();
        var wav = Path.Combine(folder, "tone.wav");
        WavFile.WriteTone(wav, TimeSpan.FromSeconds(60));
        var config = new List<string>
        {
            "poll_method epoll",
            $"sip_listen 127.0.0.1:{sipPort}",
            "net_interface 127.0.0.1",
            "call_local_timeout 60",
            "call_max_calls 4",
            "audio_player alsa,null",
            "audio_alert alsa,null",
            $"audio_source aufile,{wav}",
            "module_path /usr/lib/baresip/modules",
            "module g711.so",
            "module aufile.so",
            "module alsa.so",
            "module_app account.so",
            "module_app menu.so",
            "module_app ctrl_tcp.so",
            $"ctrl_tcp_listen 127.0.0.1:{controlPort}",
        };
        if (tls is not null)
        {
            config.Add($"sip_certificate {tls.CombinedPemPath}");
            config.Add($"sip_cafile {tls.CertificatePemPath}");
        }
        await File.WriteAllLinesAsync(Path.Combine(folder, "config"), config, cancellationToken);
        await File.WriteAllLinesAsync(Path.Combine(folder, "accounts"), [account], cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(folder, "contacts"), "", cancellationToken);

        var process = PeerProcess.Start("baresip", baresip, ["-f", folder], folder);
        try
        {
            var (control, _) = await Eventually.SucceedsAsync(
                () => process.HasExited ? throw new InvalidOperationException("baresip exited") : BaresipControl.ConnectAsync(controlPort, cancellationToken),
                TimeSpan.FromSeconds(15),
                string.Create(CultureInfo.InvariantCulture, $"baresip's ctrl_tcp on 127.0.0.1:{controlPort}"));
            return new BaresipInstance(folder, sipPort, process, control);
        }
        catch (Exception exception) when (exception is TimeoutException or InvalidOperationException)
        {
            var tail = process.Tail(40);
            await process.DisposeAsync();
            Assert.Fail($"baresip start: {exception.Message}\n{tail}");
            throw;
        }
    }

    /// <summary>Asks baresip to quit through ctrl_tcp and waits for it to exit; kills it after <paramref name="timeout"/>.
    /// Returns the exit code, null when it had to be killed.</summary>
    public async Task<int?> QuitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (!Process.HasExited)
        {
            try
            {
                await Control.SendAsync("quit", null, timeout, cancellationToken);
            }
            catch (Exception exception) when (exception is IOException or TimeoutException or ObjectDisposedException)
            {
                // It may close the control connection before answering; the exit below is what counts.
            }
        }
        return await Process.WaitForExitAsync(timeout, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await Control.DisposeAsync();
        await Process.DisposeAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Left behind in the temporary folder.
        }
    }
}
