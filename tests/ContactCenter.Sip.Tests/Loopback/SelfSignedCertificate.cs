using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ContactCenter.Sip.Tests.Loopback;

/// <summary>A throwaway TLS server certificate for 127.0.0.1, made in-process, written as PKCS#12 and as PEM files in
/// a temporary folder deleted on dispose.</summary>
internal sealed class SelfSignedCertificate : IDisposable
{
    public const string Password = "test-only";

    public SelfSignedCertificate()
    {
        Folder = Directory.CreateTempSubdirectory("sip-tls-").FullName;
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        var now = TimeProvider.System.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(7));
        Thumbprint = certificate.Thumbprint;
        PfxPath = Path.Combine(Folder, "sip.pfx");
        File.WriteAllBytes(PfxPath, certificate.Export(X509ContentType.Pkcs12, Password));
        CertificatePemPath = Path.Combine(Folder, "sip.crt");
        File.WriteAllText(CertificatePemPath, certificate.ExportCertificatePem());
        KeyPemPath = Path.Combine(Folder, "sip.key");
        File.WriteAllText(KeyPemPath, key.ExportPkcs8PrivateKeyPem());
    }

    public string Folder { get; }

    public string Thumbprint { get; }

    public string PfxPath { get; }

    public string CertificatePemPath { get; }

    public string KeyPemPath { get; }

    /// <summary>Accepts exactly this certificate (the client side of the tests' TLS).</summary>
    public bool Validate(X509Certificate? presented) =>
        presented is not null && string.Equals(presented.GetCertHashString(), Thumbprint, StringComparison.OrdinalIgnoreCase);

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
