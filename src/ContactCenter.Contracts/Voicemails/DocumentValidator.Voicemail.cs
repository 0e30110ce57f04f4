using ContactCenter.Contracts.Validation;
using ContactCenter.Contracts.Voicemails;

// The voicemail overload is a partial of the one document validator (so the store validates every document the same
// way) kept beside the record it checks.
namespace ContactCenter.Contracts.Configuration;

public static partial class DocumentValidator
{
    private const int CallIdLength = 256;

    /// <summary>Validates a voicemail: its mailbox and call, a caller number of at most 64 characters, a duration that
    /// is not negative, a path of at most 1,000 characters and a known status.</summary>
    public static FieldErrors Validate(Voicemail voicemail)
    {
        ArgumentNullException.ThrowIfNull(voicemail);
        var errors = new FieldErrorsBuilder();
        errors.Id(voicemail.Id, "id");
        errors.Version(voicemail.Version);
        errors.Id(voicemail.MailboxId, "mailboxId");
        errors.Text(voicemail.CallId, "callId", CallIdLength);
        errors.Text(voicemail.CallerNumber, "callerNumber", 64, required: false);
        errors.NotNegative(voicemail.Duration, "duration");
        errors.Text(voicemail.Path, "path", 1000, required: false);
        errors.Require(Enum.IsDefined(voicemail.Status), "status", "is not a known voicemail status");
        return errors.Build();
    }
}
