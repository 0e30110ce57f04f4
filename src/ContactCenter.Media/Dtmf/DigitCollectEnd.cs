namespace ContactCenter.Media.Dtmf;

/// <summary>Why a digit collection ended.</summary>
public enum DigitCollectEnd
{
    /// <summary>The maximum number of digits arrived.</summary>
    MaxDigits,

    /// <summary>A terminator digit arrived.</summary>
    Terminator,

    /// <summary>No digit within the first-digit timeout.</summary>
    NoInput,

    /// <summary>The inter-digit timeout expired after at least one digit.</summary>
    InterDigitTimeout,

    /// <summary>Cancelled by the caller (leg released, new collection).</summary>
    Cancelled,
}
