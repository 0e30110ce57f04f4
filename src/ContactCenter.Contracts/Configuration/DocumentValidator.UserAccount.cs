using System.Buffers.Binary;
using ContactCenter.Contracts.Validation;

namespace ContactCenter.Contracts.Configuration;

public static partial class DocumentValidator
{
    // PasswordHasher's formats: v2 = 0x00 | salt(16) | subkey(32); v3 = 0x01 | prf(4) | iterations(4) | saltLength(4) |
    // salt | subkey. Anything else is not a hash it wrote (most likely a clear password put there by mistake).
    private const int MaxPasswordHashLength = 1024;
    private const int V2HashLength = 1 + 16 + 32;
    private const int V3HeaderLength = 1 + 4 + 4 + 4;
    private const int MinSaltLength = 16;
    private const int MinSubkeyLength = 16;

    /// <summary>Validates a user account; the password hash, when present, must be one ASP.NET Core Identity's
    /// <c>PasswordHasher</c> wrote.</summary>
    public static FieldErrors Validate(UserAccount user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var errors = new FieldErrorsBuilder();
        errors.Id(user.Id, "id");
        errors.Version(user.Version);
        errors.Text(user.DisplayName, "displayName", NameLength);

        var roles = Defaulted(user.Roles);
        errors.Require(!roles.IsEmpty, "roles", "must name at least one role");
        for (var i = 0; i < roles.Length; i++)
        {
            errors.Require(UserRoles.IsKnown(roles[i]), $"roles[{i}]", $"must be one of {string.Join(", ", UserRoles.All)}");
        }
        errors.Distinct(roles, r => r, "roles", "role");

        var permissions = Defaulted(user.Permissions);
        for (var i = 0; i < permissions.Length; i++)
        {
            errors.Require(Enum.IsDefined(permissions[i]), $"permissions[{i}]", "is not a known permission");
        }
        errors.Distinct(permissions, p => p.ToString(), "permissions", "permission");

        var reportQueues = Defaulted(user.ReportQueueIds);
        for (var i = 0; i < reportQueues.Length; i++)
        {
            errors.Id(reportQueues[i], $"reportQueueIds[{i}]");
        }
        errors.Distinct(reportQueues, q => q, "reportQueueIds", "queue");

        if (user.AgentProfileId is not null)
        {
            errors.Id(user.AgentProfileId, "agentProfileId");
        }
        if (user.PasswordHash is not null)
        {
            errors.Require(IsPasswordHash(user.PasswordHash), "passwordHash", "must be a PBKDF2 hash written by the password hasher");
        }
        return errors.Build();
    }

    private static bool IsPasswordHash(string hash)
    {
        if (hash.Length is 0 or > MaxPasswordHashLength)
        {
            return false;
        }
        var bytes = new byte[hash.Length];
        if (!Convert.TryFromBase64String(hash, bytes, out var length))
        {
            return false;
        }
        var decoded = bytes.AsSpan(0, length);
        if (decoded.Length == V2HashLength && decoded[0] == 0x00)
        {
            return true;
        }
        if (decoded.Length < V3HeaderLength || decoded[0] != 0x01)
        {
            return false;
        }
        var saltLength = BinaryPrimitives.ReadUInt32BigEndian(decoded[9..]);
        return saltLength >= MinSaltLength && decoded.Length - V3HeaderLength - saltLength >= MinSubkeyLength;
    }
}
