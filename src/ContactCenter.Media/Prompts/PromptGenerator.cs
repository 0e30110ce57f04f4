using System.ComponentModel;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using ContactCenter.Media.Recording;

namespace ContactCenter.Media.Prompts;

/// <summary>Turns prompt texts into 8 kHz mono WAV files with espeak-ng and sox. Meant to run when configuration
/// changes, never per call: a prompt whose text is unchanged (recorded in a <c>{name}.txt.sha256</c> stamp next to the
/// WAV) is not regenerated.</summary>
public sealed class PromptGenerator
{
    private readonly PromptGeneratorOptions _options;

    /// <summary>Creates a generator.</summary>
    public PromptGenerator(PromptGeneratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <summary>Generates <c>{directory}/{name}.wav</c> for every prompt whose text changed.</summary>
    /// <returns>The names generated.</returns>
    /// <exception cref="InvalidOperationException">espeak-ng or sox is missing or failed; the message says which and
    /// how to install it.</exception>
    public async Task<IReadOnlyList<string>> GenerateAsync(string directory, IReadOnlyDictionary<string, string> texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        Directory.CreateDirectory(directory);
        var generated = new List<string>();
        foreach (var (name, text) in texts)
        {
            if (name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || name.Contains("..", StringComparison.Ordinal))
            {
                throw new ArgumentException($"'{name}' is not a prompt name.", nameof(texts));
            }
            var wav = Path.Combine(directory, name + ".wav");
            var stamp = wav + ".sha256";
            var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(_options.Voice + "\n" + text)));
            if (File.Exists(wav) && File.Exists(stamp) && await File.ReadAllTextAsync(stamp, cancellationToken) == hash)
            {
                continue;
            }
            // Temporary names of their own: front ends on one machine may generate into the same folder at once.
            var unique = "." + Guid.NewGuid().ToString("N");
            var raw = Path.Combine(directory, name + unique + ".espeak.wav");
            var resampled = Path.Combine(directory, name + unique + ".sox.wav");
            try
            {
                await RunAsync(_options.EspeakPath, "espeak-ng", ["-v", _options.Voice, "-w", raw, text], cancellationToken);
                await RunAsync(_options.SoxPath, "sox", [raw, "-r", "8000", "-c", "1", "-b", "16", "-e", "signed-integer", resampled], cancellationToken);
                // Fail here, at configuration time, rather than on the first call that plays it.
                WavReader.ReadMono8k(resampled);
                // Renamed into place whole: a front end may read the prompt while it is being generated.
                File.Move(resampled, wav, overwrite: true);
            }
            finally
            {
                File.Delete(raw);
                File.Delete(resampled);
            }
            await File.WriteAllTextAsync(stamp, hash, cancellationToken);
            generated.Add(name);
        }
        return generated;
    }

    private async Task RunAsync(string path, string package, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(path) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{path} did not start.");
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException(
                $"Prompt generation needs {package}, which was not found at '{path}'. Install it (apt-get install {package}) or set PromptGeneratorOptions.", ex);
        }
        using (process)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.ToolTimeout);
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                process.Kill(entireProcessTree: true);
                throw new InvalidOperationException($"{package} did not finish within {_options.ToolTimeout}.");
            }
            await stdout;
            var errors = await stderr;
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{package} failed with exit code {process.ExitCode}: {errors.Trim()}");
            }
        }
    }
}
