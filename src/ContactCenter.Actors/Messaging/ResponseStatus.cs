namespace ContactCenter.Actors.Messaging;

internal enum ResponseStatus
{
    Ok = 0,
    Exception = 1,

    /// <summary>The grain is (or is about to be) active elsewhere; <see cref="Message.MovedTo"/> says where when known.</summary>
    Moved = 2,

    /// <summary>The callee is not serving (shutting down, fenced and dropped, observer gone).</summary>
    Unavailable = 3,
}
