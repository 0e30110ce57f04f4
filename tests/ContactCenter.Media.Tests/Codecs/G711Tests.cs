using ContactCenter.Media.Codecs;

namespace ContactCenter.Media.Tests.Codecs;

public sealed class G711Tests
{
    [Theory]
    [InlineData((byte)0xFF, 0)]
    [InlineData((byte)0x7F, 0)]
    [InlineData((byte)0x80, 32124)]
    [InlineData((byte)0x00, -32124)]
    [InlineData((byte)0xFE, 8)]
    [InlineData((byte)0xEF, 132)]
    [InlineData((byte)0xF0, 120)]
    public void MuLaw_decodes_reference_points(byte code, int expected)
    {
        Assert.Equal(expected, MuLaw.Decode(code));
    }

    [Theory]
    [InlineData(0, (byte)0xFF)]
    [InlineData(-1, (byte)0x7F)]
    [InlineData(32767, (byte)0x80)]
    [InlineData(-32768, (byte)0x00)]
    [InlineData(8, (byte)0xFE)]
    [InlineData(3, (byte)0xFF)]
    [InlineData(4, (byte)0xFE)]
    public void MuLaw_encodes_reference_points(int sample, byte expected)
    {
        Assert.Equal(expected, MuLaw.Encode((short)sample));
    }

    [Theory]
    [InlineData((byte)0xD5, 8)]
    [InlineData((byte)0x55, -8)]
    [InlineData((byte)0xAA, 32256)]
    [InlineData((byte)0x2A, -32256)]
    [InlineData((byte)0xD4, 24)]
    [InlineData((byte)0xC5, 264)]
    public void ALaw_decodes_reference_points(byte code, int expected)
    {
        Assert.Equal(expected, ALaw.Decode(code));
    }

    [Theory]
    [InlineData(0, (byte)0xD5)]
    [InlineData(-1, (byte)0x55)]
    [InlineData(32767, (byte)0xAA)]
    [InlineData(-32768, (byte)0x2A)]
    [InlineData(15, (byte)0xD5)]
    [InlineData(16, (byte)0xD4)]
    public void ALaw_encodes_reference_points(int sample, byte expected)
    {
        Assert.Equal(expected, ALaw.Encode((short)sample));
    }

    [Fact]
    public void MuLaw_every_code_round_trips_except_negative_zero()
    {
        for (var code = 0; code < 256; code++)
        {
            var expected = code == 0x7F ? 0xFF : code;
            Assert.True(expected == MuLaw.Encode(MuLaw.Decode((byte)code)), $"code 0x{code:X2}");
        }
    }

    [Fact]
    public void ALaw_every_code_round_trips()
    {
        for (var code = 0; code < 256; code++)
        {
            Assert.True(code == ALaw.Encode(ALaw.Decode((byte)code)), $"code 0x{code:X2}");
        }
    }

    [Fact]
    public void Decoders_cover_the_standard_value_sets()
    {
        // μ-law has 255 distinct levels (±0 collapse), A-law 256 (no zero level).
        Assert.Equal(255, Enumerable.Range(0, 256).Select(c => MuLaw.Decode((byte)c)).Distinct().Count());
        Assert.Equal(256, Enumerable.Range(0, 256).Select(c => ALaw.Decode((byte)c)).Distinct().Count());
    }

    [Fact]
    public void Encoding_is_monotonic_and_error_is_within_half_a_step()
    {
        var previousMu = int.MinValue;
        var previousA = int.MinValue;
        for (var sample = short.MinValue; sample < short.MaxValue; sample++)
        {
            var mu = MuLaw.Decode(MuLaw.Encode(sample));
            var a = ALaw.Decode(ALaw.Encode(sample));
            Assert.True(mu >= previousMu, $"μ-law not monotonic at {sample}");
            Assert.True(a >= previousA, $"A-law not monotonic at {sample}");
            previousMu = mu;
            previousA = a;
            // Relative error of a logarithmic quantiser is bounded by half of the top step (1/32) once out of segment 0.
            var magnitude = Math.Abs((int)sample);
            if (magnitude > 256 && magnitude < 32000)
            {
                Assert.True(Math.Abs(mu - sample) <= magnitude / 16, $"μ-law error at {sample}: {mu}");
                Assert.True(Math.Abs(a - sample) <= magnitude / 16, $"A-law error at {sample}: {a}");
            }
            else if (magnitude <= 256)
            {
                Assert.True(Math.Abs(mu - sample) <= 8, $"μ-law error at {sample}: {mu}");
                Assert.True(Math.Abs(a - sample) <= 16, $"A-law error at {sample}: {a}");
            }
        }
    }

    [Fact]
    public void Span_encode_and_decode_match_scalar()
    {
        var samples = new short[160];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (short)(Math.Sin(i * 2 * Math.PI / 20) * 12000);
        }
        var codes = new byte[160];
        var decoded = new short[160];
        MuLaw.Encode(samples, codes);
        MuLaw.Decode(codes, decoded);
        for (var i = 0; i < samples.Length; i++)
        {
            Assert.Equal(MuLaw.Encode(samples[i]), codes[i]);
            Assert.Equal(MuLaw.Decode(codes[i]), decoded[i]);
        }
        G711.Encode(G711Codec.ALaw, samples, codes);
        G711.Decode(G711Codec.ALaw, codes, decoded);
        for (var i = 0; i < samples.Length; i++)
        {
            Assert.Equal(ALaw.Decode(ALaw.Encode(samples[i])), decoded[i]);
        }
    }

    [Fact]
    public void Table_encoding_matches_the_arithmetic_for_every_sample()
    {
        var all = Enumerable.Range(short.MinValue, 65536).Select(s => (short)s).ToArray();
        var mu = new byte[all.Length];
        var a = new byte[all.Length];
        MuLaw.Encode(all, mu);
        ALaw.Encode(all, a);
        for (var i = 0; i < all.Length; i++)
        {
            Assert.True(MuLaw.Encode(all[i]) == mu[i], $"μ-law {all[i]}");
            Assert.True(ALaw.Encode(all[i]) == a[i], $"A-law {all[i]}");
        }
    }

    [Fact]
    public void Span_methods_reject_short_destinations()
    {
        Assert.Throws<ArgumentException>(() => MuLaw.Encode(new short[4], new byte[3]));
        Assert.Throws<ArgumentException>(() => ALaw.Decode(new byte[4], new short[3]));
    }

    [Fact]
    public void Transcoding_matches_decode_then_encode_and_keeps_silence()
    {
        var all = Enumerable.Range(0, 256).Select(c => (byte)c).ToArray();
        var alaw = new byte[256];
        var mulaw = new byte[256];
        G711Transcoder.MuLawToALaw(all, alaw);
        G711Transcoder.ALawToMuLaw(all, mulaw);
        for (var c = 0; c < 256; c++)
        {
            Assert.Equal(ALaw.Encode(MuLaw.Decode((byte)c)), alaw[c]);
            Assert.Equal(MuLaw.Encode(ALaw.Decode((byte)c)), mulaw[c]);
        }
        Assert.Equal(ALaw.Silence, G711Transcoder.MuLawToALaw(MuLaw.Silence));
        // A-law has no zero level: its silence (+8) lands on the first μ-law step, which decodes to 8 as well.
        Assert.Equal(8, MuLaw.Decode(G711Transcoder.ALawToMuLaw(ALaw.Silence)));
    }

    [Fact]
    public void Transcoding_twice_stays_within_one_step()
    {
        for (var c = 0; c < 256; c++)
        {
            var back = G711Transcoder.ALawToMuLaw(G711Transcoder.MuLawToALaw((byte)c));
            var original = MuLaw.Decode((byte)c);
            var round = MuLaw.Decode(back);
            var tolerance = Math.Max(16, Math.Abs((int)original) / 8);
            Assert.True(Math.Abs(original - round) <= tolerance, $"code 0x{c:X2}: {original} -> {round}");
        }
    }
}
