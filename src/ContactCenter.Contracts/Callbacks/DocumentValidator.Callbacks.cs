using ContactCenter.Contracts.Callbacks;
using ContactCenter.Contracts.Validation;

// The callback overload is a partial of the one document validator (so the store validates every document the same
// way) kept beside the record it checks.
namespace ContactCenter.Contracts.Configuration;

public static partial class DocumentValidator
{
    /// <summary>Validates a callback request: its call, a number of at most 64 characters, the queue and a known
    /// status.</summary>
    public static FieldErrors Validate(CallbackRequest callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var errors = new FieldErrorsBuilder();
        errors.Id(callback.Id, "id");
        errors.Version(callback.Version);
        errors.Text(callback.CallId, "callId", CallIdLength);
        errors.Text(callback.Number, "number", 64);
        errors.Id(callback.QueueId, "queueId");
        errors.Require(Enum.IsDefined(callback.Status), "status", "is not a known callback status");
        return errors.Build();
    }
}
