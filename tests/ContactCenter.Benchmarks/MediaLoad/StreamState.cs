namespace ContactCenter.Benchmarks.MediaLoad;

/// <summary>Receive-side state of every stream, indexed by the server port it comes from: the last RTP sequence number
/// (gaps are losses between server and generator, since the relay renumbers contiguously) and the highest payload index
/// (an index below it is a packet delivered out of order).</summary>
public sealed class StreamState
{
    private readonly bool[] _seen = new bool[65536];
    private readonly ushort[] _lastSequence = new ushort[65536];
    private readonly uint[] _highestIndex = new uint[65536];
    private readonly PacingTrace?[] _traces = new PacingTrace?[65536];

    public StreamState(bool listen, IEnumerable<int> ports, int traceCapacity)
    {
        Listen = listen;
        if (listen)
        {
            foreach (var port in ports)
            {
                _traces[port] = new PacingTrace(traceCapacity);
            }
        }
    }

    public bool Listen { get; }

    public IEnumerable<PacingTrace> Traces => _traces.OfType<PacingTrace>();

    public PacingTrace? Trace(int port) => _traces[port];

    /// <summary>Records a packet; false for a stream's first packet (nothing to compare with).</summary>
    public bool Observe(int port, ushort sequence, uint index, out int gap, out bool late)
    {
        gap = 0;
        late = false;
        if (!_seen[port])
        {
            _seen[port] = true;
            _lastSequence[port] = sequence;
            _highestIndex[port] = index;
            return false;
        }
        var step = (ushort)(sequence - _lastSequence[port]);
        if (step is > 1 and < 0x8000)
        {
            gap = step - 1;
        }
        if (step < 0x8000)
        {
            _lastSequence[port] = sequence;
        }
        if (index < _highestIndex[port])
        {
            late = true;
        }
        else
        {
            _highestIndex[port] = index;
        }
        return true;
    }
}
