using System.Buffers.Binary;
using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace ContactCenter.Sip.Authentication;

/// <summary>Stateless-verifiable nonces and nonce-count replay protection. A nonce is base64url of 32 bytes:
/// issue time (Unix milliseconds, 8 bytes big-endian), 8 random bytes, and the first 16 bytes of
/// HMAC-SHA256(per-process secret, time ‖ random ‖ realm). Verifying needs no state; only nonces that were used in a
/// correct answer get a replay window (highest nc plus a 64-value bitmap, so reordered requests still pass while a
/// repeated nc is refused), dropped once the nonce is stale. A restart changes the secret: old nonces become invalid
/// and clients are simply challenged again.</summary>
internal sealed class SipNonces
{
    private const int RawLength = 32;
    private const int MacOffset = 16;

    // A nonce issued a little in the future is tolerated (clock steps); more is forgery or a bug.
    private static readonly TimeSpan FutureTolerance = TimeSpan.FromSeconds(5);

    private readonly byte[] _secret = RandomNumberGenerator.GetBytes(32);
    private readonly byte[] _realm;
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;
    private readonly ConcurrentDictionary<string, ReplayWindow> _windows = new(StringComparer.Ordinal);

    public SipNonces(string realm, TimeSpan lifetime, TimeProvider time)
    {
        _realm = Encoding.UTF8.GetBytes(realm);
        _lifetime = lifetime;
        _time = time;
    }

    /// <summary>Nonces with a replay window (used and not yet swept).</summary>
    public int TrackedCount => _windows.Count;

    public string Issue()
    {
        Span<byte> raw = stackalloc byte[RawLength];
        BinaryPrimitives.WriteInt64BigEndian(raw, _time.GetUtcNow().ToUnixTimeMilliseconds());
        RandomNumberGenerator.Fill(raw[8..MacOffset]);
        Sign(raw[..MacOffset], raw[MacOffset..]);
        return Base64Url.EncodeToString(raw);
    }

    public SipNonceStatus Check(string nonce)
    {
        Span<byte> raw = stackalloc byte[RawLength];
        if (nonce.Length != Base64Url.GetEncodedLength(RawLength)
            || !Base64Url.TryDecodeFromChars(nonce, raw, out var written) || written != RawLength)
        {
            return SipNonceStatus.Invalid;
        }
        Span<byte> mac = stackalloc byte[RawLength - MacOffset];
        Sign(raw[..MacOffset], mac);
        if (!CryptographicOperations.FixedTimeEquals(mac, raw[MacOffset..]))
        {
            return SipNonceStatus.Invalid;
        }
        var age = _time.GetUtcNow() - IssuedAt(raw);
        if (age < -FutureTolerance)
        {
            return SipNonceStatus.Invalid;
        }
        return age > _lifetime ? SipNonceStatus.Stale : SipNonceStatus.Valid;
    }

    /// <summary>Records nonce-count <paramref name="count"/> for a valid nonce; false when it was already used (or is
    /// too far below the highest seen to tell).</summary>
    public bool TryUse(string nonce, long count)
    {
        if (count <= 0)
        {
            return false;
        }
        var window = _windows.GetOrAdd(nonce, static n => new ReplayWindow(IssuedAt(Base64Url.DecodeFromChars(n))));
        return window.TryAccept(count);
    }

    /// <summary>Drops the replay windows of stale nonces; returns how many.</summary>
    public int Sweep()
    {
        var limit = _time.GetUtcNow() - _lifetime;
        var removed = 0;
        foreach (var (nonce, window) in _windows)
        {
            if (window.IssuedAt < limit && _windows.TryRemove(nonce, out _))
            {
                removed++;
            }
        }
        return removed;
    }

    private static DateTimeOffset IssuedAt(ReadOnlySpan<byte> raw) =>
        DateTimeOffset.FromUnixTimeMilliseconds(Math.Clamp(BinaryPrimitives.ReadInt64BigEndian(raw), 0, 253_402_300_799_000));

    private void Sign(ReadOnlySpan<byte> data, Span<byte> mac)
    {
        Span<byte> input = stackalloc byte[data.Length + _realm.Length];
        data.CopyTo(input);
        _realm.CopyTo(input[data.Length..]);
        Span<byte> full = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_secret, input, full);
        full[..mac.Length].CopyTo(mac);
    }

    /// <summary>Anti-replay window in the style of IPsec (RFC 4303 §3.4.3).</summary>
    private sealed class ReplayWindow(DateTimeOffset issuedAt)
    {
        private readonly Lock _lock = new();
        private long _highest;
        private ulong _seen;

        public DateTimeOffset IssuedAt { get; } = issuedAt;

        public bool TryAccept(long count)
        {
            lock (_lock)
            {
                if (count > _highest)
                {
                    var shift = count - _highest;
                    _seen = shift >= 64 ? 1UL : (_seen << (int)shift) | 1UL;
                    _highest = count;
                    return true;
                }
                var offset = _highest - count;
                if (offset >= 64 || (_seen & (1UL << (int)offset)) != 0)
                {
                    return false;
                }
                _seen |= 1UL << (int)offset;
                return true;
            }
        }
    }
}
