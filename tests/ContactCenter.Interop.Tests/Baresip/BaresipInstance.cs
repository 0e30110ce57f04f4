using System.Globalization;
using ContactCenter.Interop.Tests.Peers;
using ContactCenter.Media.Recording;
using ContactCenter.TestSupport;

namespace ContactCenter.Interop.Tests.Baresip;

/// <summary>A headless baresip in its own temporary config folder: SIP on 127.0.0.1 (a free port; TLS on the next
/// one when a certificate is given), audio from a generated WAV through <c>aufile</c> and to ALSA's null device, no
/// stdin, driven through <c>ctrl_tcp</c> (the <c>menu</c> module provides dial/hangup/quit). Stopped with ctrl_tcp
/// quit, killed when that does not work in time. With a recording folder, <c>sndfile</c> writes what each call
/// receives (decoded) to <c>dump-{time}-dec.wav</c> there, and what it sends to <c>dump-{time}-enc.wav</c>, both 8 kHz
/// mono 16-bit PCM, complete once the call's audio stream closed (quit baresip before reading them).</summary>
internal sealed class BaresipInstance : IAsyncDisposable
{
    private BaresipInstance(string folder, int sipPort, PeerProcess process, BaresipControl control, string? recordingFolder)
    {
        Folder = folder;
        RecordingFolder = recordingFolder;
        SipPort = sipPort;
        Process = process;
        Control = control;
    }

    public string Folder { get; }

    /// <summary>Where <c>sndfile</c> records the calls' audio; null when not recording.</summary>
    public string? RecordingFolder { get; }

    /// <summary>The UDP/TCP port baresip listens on (TLS: the next one).</summary>
    public int SipPort { get; }

    public PeerProcess Process { get; }

    public BaresipControl Control { get; }

    public string Diagnostics => $"baresip events: {Control.EventSummary}\n{Process.Tail(40)}";

    /// <summary>Starts baresip with one account line (<c>&lt;sip:user@host&gt;;params</c>, see baresip's accounts file).</summary>
    public static Task<BaresipInstance> StartAsync(string account, TestCertificate? tls, CancellationToken cancellationToken) =>
        StartAsync(account, tls, 440, record: false, cancellationToken);

    /// <summary>Starts baresip with one account line whose calls send a <paramref name="toneFrequency"/> Hz tone
    /// (<see cref="WavFile.Amplitude"/>) and, with <paramref name="record"/>, are recorded by <c>sndfile</c> into
    /// <see cref="RecordingFolder"/>.</summary>
    public static Task<BaresipInstance> StartAsync(string account, TestCertificate? tls, double toneFrequency, bool record, CancellationToken cancellationToken) =>
        StartAsync(account, tls, toneFrequency, record, rtpPorts: null, cancellationToken);

    /// <summary>Starts baresip as <see cref="StartAsync(string, TestCertificate?, double, bool, CancellationToken)"/>
    /// does, its RTP on <paramref name="rtpPorts"/> (<c>first-last</c>; baresip's default range when null).</summary>
    public static async Task<BaresipInstance> StartAsync(string account, TestCertificate? tls, double toneFrequency, bool record, string? rtpPorts,
        CancellationToken cancellationToken)
    {
        var baresip = PeerTools.Baresip();
        var folder = Directory.CreateTempSubdirectory("cc-interop-baresip-").FullName;
        var sipPort = LoopbackPorts.UdpAndTcp(andNext: tls is not null);
        var controlPort = LoopbackPorts.Tcp();
        var wav = Path.Combine(folder, "tone.wav");
        WavFile.WriteTone(wav, TimeSpan.FromSeconds(60), toneFrequency);
        var recordingFolder = record ? Directory.CreateDirectory(Path.Combine(folder, "received")).FullName : null;
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
        if (rtpPorts is not null)
        {
            config.Add($"rtp_ports {rtpPorts}");
        }
        if (recordingFolder is not null)
        {
            config.Add("module sndfile.so");
            config.Add($"snd_path {recordingFolder}");
        }
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
            return new BaresipInstance(folder, sipPort, process, control, recordingFolder);
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

    /// <summary>What the one call recorded in <see cref="RecordingFolder"/> received, decoded (quit first: the file
    /// is complete once the call's audio stream closed).</summary>
    public short[] ReadReceived()
    {
        var folder = RecordingFolder ?? throw new InvalidOperationException("baresip was started without recording");
        var files = Directory.GetFiles(folder, "*-dec.wav");
        Assert.True(files.Length == 1, $"one received-audio recording in {folder}, found: {string.Join(", ", Directory.GetFiles(folder).Select(Path.GetFileName))}");
        return WavReader.ReadMono8k(files[0]);
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
