using System.Security.Cryptography.X509Certificates;

namespace ContactCenter.Sip.Transport;

/// <summary>Loads the TLS server certificate named by <see cref="SipTransportOptions"/>.</summary>
public static class SipTlsCertificates
{
    /// <summary>The certificate with its private key, from the PKCS#12 file or the PEM pair; throws with the file name
    /// (never the password) when it cannot be loaded or has no private key.</summary>
    public static X509Certificate2 Load(SipTransportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        X509Certificate2 certificate;
        string source;
        if (options.TlsCertificatePath is { } path)
        {
            source = path;
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, options.TlsCertificatePassword);
        }
        else if (options.TlsCertificatePemPath is { } certPath && options.TlsPrivateKeyPemPath is { } keyPath)
        {
            source = certPath;
            using var pem = X509Certificate2.CreateFromPemFile(certPath, keyPath);
            // A PEM key is ephemeral; a PKCS#12 round trip gives a key every platform's TLS can use.
            certificate = X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), password: null);
        }
        else
        {
            throw new InvalidOperationException("no SIP TLS certificate is configured");
        }
        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw new InvalidOperationException($"the SIP TLS certificate in {source} has no private key");
        }
        return certificate;
    }
}
