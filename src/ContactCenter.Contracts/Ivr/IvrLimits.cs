namespace ContactCenter.Contracts.Ivr;

/// <summary>Size and range limits of an <see cref="IvrTree"/>, checked by validation: a tree is loaded whole for every
/// call that enters it.</summary>
public static class IvrLimits
{
    /// <summary>Most nodes per tree.</summary>
    public const int MaxNodes = 500;

    /// <summary>Longest text-to-speech prompt.</summary>
    public const int PromptTextLength = 1000;

    /// <summary>Longest attribute value set by a node.</summary>
    public const int AttributeValueLength = 1000;

    /// <summary>Most retries of a menu or digit input.</summary>
    public const int MaxRetries = 10;

    /// <summary>Longest wait for a key.</summary>
    public static readonly TimeSpan MaxKeyTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Most digits of a digit input.</summary>
    public const int MaxInputDigits = 32;

    /// <summary>Shortest voicemail limit.</summary>
    public static readonly TimeSpan MinVoicemail = TimeSpan.FromSeconds(5);

    /// <summary>Longest voicemail limit.</summary>
    public static readonly TimeSpan MaxVoicemail = TimeSpan.FromMinutes(10);

    /// <summary>Most rules of a caller branch.</summary>
    public const int MaxCallerRules = 100;

    /// <summary>Most numbers plus prefixes of one caller rule.</summary>
    public const int MaxRuleNumbers = 1000;

    /// <summary>Longest lookup URL template.</summary>
    public const int UrlLength = 2000;

    /// <summary>Longest lookup body template.</summary>
    public const int BodyLength = 4000;

    /// <summary>Longest lookup wait.</summary>
    public static readonly TimeSpan MaxLookupTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Longest JSON Pointer of a lookup.</summary>
    public const int ResultPathLength = 200;

    /// <summary>Most branches of a lookup.</summary>
    public const int MaxLookupBranches = 50;

    /// <summary>Longest branch value of a lookup.</summary>
    public const int BranchValueLength = 200;

    /// <summary>Highest caller boost a queue node may add.</summary>
    public const int MaxCallerBoost = 100;
}
