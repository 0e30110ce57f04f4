using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ContactCenter.TestSupport;

/// <summary>A throwaway TLS certificate (RSA, server and client use) for 127.0.0.1 and localhost made in-process, written
/// as PKCS#12, as certificate and key PEM files, and as one PEM file with both (baresip's <c>sip_certificate</c>), in a
/// temporary folder deleted on dispose.</summary>
public sealed class TestCertificate : IDisposable
{
    public const string Password = "test-only";

    public TestCertificate()
    {
        Folder = Directory.CreateTempSubdirectory("cc-tls-").FullName;
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], critical: false));
        var now = TimeProvider.System.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(7));
        Thumbprint = certificate.Thumbprint;
        PfxPath = Path.Combine(Folder, "sip.pfx");
        File.WriteAllBytes(PfxPath, certificate.Export(X509ContentType.Pkcs12, Password));
        CertificatePemPath = Path.Combine(Folder, "sip.crt");
        File.WriteAllText(CertificatePemPath, certificate.ExportCertificatePem() + "\n");
        KeyPemPath = Path.Combine(Folder, "sip.key");
        File.WriteAllText(KeyPemPath, key.ExportPkcs8PrivateKeyPem() + "\n");
        CombinedPemPath = Path.Combine(Folder, "sip-with-key.pem");
        File.WriteAllText(CombinedPemPath, certificate.ExportCertificatePem() + "\n" + key.ExportRSAPrivateKeyPem() + "\n");
    }

    public string Folder { get; }

    public string Thumbprint { get; }

    public string PfxPath { get; }

    public string CertificatePemPath { get; }

    /// <summary>The private key, PKCS#8 PEM.</summary>
    public string KeyPemPath { get; }

    /// <summary>Certificate then private key, PEM.</summary>
    public string CombinedPemPath { get; }

    /// <summary>Accepts exactly this certificate (the client side of a test's TLS).</summary>
    public bool Validate(X509Certificate? presented) =>
        presented is not null && string.Equals(presented.GetCertHashString(), Thumbprint, StringComparison.OrdinalIgnoreCase);

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
