using ContactCenter.Sip.Transport;
using ContactCenter.TestSupport;

namespace ContactCenter.Sip.Tests.Transport;

public sealed class TransportOptionsTests : IDisposable
{
    private readonly TestCertificate _certificate = new();

    public void Dispose() => _certificate.Dispose();

    [Fact]
    public void The_certificate_loads_from_pkcs12_and_from_pem_files_with_its_key()
    {
        using var fromPfx = SipTlsCertificates.Load(new SipTransportOptions { TlsCertificatePath = _certificate.PfxPath, TlsCertificatePassword = TestCertificate.Password });
        using var fromPem = SipTlsCertificates.Load(new SipTransportOptions { TlsCertificatePemPath = _certificate.CertificatePemPath, TlsPrivateKeyPemPath = _certificate.KeyPemPath });

        Assert.True(fromPfx.HasPrivateKey);
        Assert.True(fromPem.HasPrivateKey);
        Assert.Equal(_certificate.Thumbprint, fromPfx.Thumbprint);
        Assert.Equal(_certificate.Thumbprint, fromPem.Thumbprint);
    }

    [Fact]
    public void Options_that_cannot_work_fail_fast()
    {
        Assert.Throws<ArgumentException>(() => new SipTransportOptions { TlsPort = 5061 }.Validate());
        Assert.Throws<ArgumentException>(() => new SipTransportOptions { BindAddress = "sip.example.com" }.Validate());
        Assert.Throws<ArgumentException>(() => new SipTransportOptions { UdpPort = 70000 }.Validate());
        Assert.Throws<ArgumentException>(() => new SipTransportOptions { ConnectionIdleTimeout = TimeSpan.Zero }.Validate());
        new SipTransportOptions().Validate();
    }
}
