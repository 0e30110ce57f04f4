using System.Buffers.Binary;
using ContactCenter.Contracts.Configuration;

namespace ContactCenter.Grains.Tests.Configuration;

public sealed class UserAccountValidationTests
{
    private static readonly UserAccount ValidUser = new()
    {
        Id = "jan.kowalski",
        DisplayName = "Jan Kowalski",
        Roles = [UserRoles.Agent, UserRoles.Supervisor],
        Permissions = [UserPermission.ListenToRecordings, UserPermission.ManageCallbacks],
        AgentProfileId = "jan.kowalski",
        PasswordHash = V3Hash(saltLength: 16, subkeyLength: 32),
    };

    [Fact]
    public void A_valid_account_has_no_errors()
    {
        Assert.True(DocumentValidator.Validate(ValidUser).IsValid, DocumentValidator.Validate(ValidUser).ToString());
    }

    [Fact]
    public void Every_role_is_valid_alone_and_agent_profile_and_password_are_optional()
    {
        foreach (var role in UserRoles.All)
        {
            var user = new UserAccount { Id = "u", DisplayName = "U", Roles = [role] };
            Assert.True(DocumentValidator.Validate(user).IsValid, $"{role}: {DocumentValidator.Validate(user)}");
        }
    }

    [Fact]
    public void Both_password_hasher_formats_are_accepted()
    {
        var v2 = new byte[49];
        v2[10] = 7;

        Assert.True(DocumentValidator.Validate(ValidUser with { PasswordHash = Convert.ToBase64String(v2) }).IsValid);
        Assert.True(DocumentValidator.Validate(ValidUser with { PasswordHash = V3Hash(saltLength: 32, subkeyLength: 64) }).IsValid);
    }

    public static TheoryData<string, string> Cases => new()
    {
        { "id", "bad id" },
        { "id", "no id" },
        { "version", "negative version" },
        { "displayName", "no display name" },
        { "displayName", "long display name" },
        { "roles", "no roles" },
        { "roles", "default roles" },
        { "roles[1]", "unknown role" },
        { "roles[1]", "upper-case role" },
        { "roles[1]", "duplicate role" },
        { "permissions[0]", "unknown permission" },
        { "permissions[1]", "duplicate permission" },
        { "agentProfileId", "bad agent profile id" },
        { "passwordHash", "clear password" },
        { "passwordHash", "empty hash" },
        { "passwordHash", "unknown format" },
        { "passwordHash", "short salt" },
        { "passwordHash", "truncated v3" },
        { "passwordHash", "wrong v2 length" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Account_errors_name_the_field(string field, string change)
    {
        var user = change switch
        {
            "bad id" => ValidUser with { Id = "jan kowalski" },
            "no id" => ValidUser with { Id = "" },
            "negative version" => ValidUser with { Version = -1 },
            "no display name" => ValidUser with { DisplayName = " " },
            "long display name" => ValidUser with { DisplayName = new string('x', 101) },
            "no roles" => ValidUser with { Roles = [] },
            "default roles" => ValidUser with { Roles = default },
            "unknown role" => ValidUser with { Roles = [UserRoles.Agent, "root"] },
            "upper-case role" => ValidUser with { Roles = [UserRoles.Agent, "Admin"] },
            "duplicate role" => ValidUser with { Roles = [UserRoles.Agent, UserRoles.Agent] },
            "unknown permission" => ValidUser with { Permissions = [(UserPermission)99] },
            "duplicate permission" => ValidUser with { Permissions = [UserPermission.ManageCallbacks, UserPermission.ManageCallbacks] },
            "bad agent profile id" => ValidUser with { AgentProfileId = "agent/1" },
            "clear password" => ValidUser with { PasswordHash = "correct horse battery staple" },
            "empty hash" => ValidUser with { PasswordHash = "" },
            "unknown format" => ValidUser with { PasswordHash = Hash(first: 0x02, length: 61) },
            "short salt" => ValidUser with { PasswordHash = V3Hash(saltLength: 8, subkeyLength: 32) },
            "truncated v3" => ValidUser with { PasswordHash = V3Hash(saltLength: 16, subkeyLength: 8) },
            "wrong v2 length" => ValidUser with { PasswordHash = Hash(first: 0x00, length: 48) },
            _ => throw new ArgumentOutOfRangeException(nameof(change)),
        };

        var errors = DocumentValidator.Validate(user);

        Assert.True(errors.Has(field), $"expected an error on {field}, got: {errors}");
        Assert.Single(errors.Errors);
    }

    [Fact]
    public void A_clear_password_is_never_echoed_in_the_error()
    {
        var errors = DocumentValidator.Validate(ValidUser with { PasswordHash = "s3cret-Password" });

        Assert.DoesNotContain(errors.Errors["passwordHash"], message => message.Contains("s3cret", StringComparison.Ordinal));
    }

    private static string Hash(byte first, int length)
    {
        var bytes = new byte[length];
        bytes[0] = first;
        return Convert.ToBase64String(bytes);
    }

    // PasswordHasher's v3 layout: 0x01 | prf | iterations | salt length (each big-endian uint) | salt | subkey.
    private static string V3Hash(int saltLength, int subkeyLength)
    {
        var bytes = new byte[13 + saltLength + subkeyLength];
        bytes[0] = 0x01;
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(1), 2);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(5), 100_000);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(9), (uint)saltLength);
        bytes.AsSpan(13).Fill(0x5a);
        return Convert.ToBase64String(bytes);
    }
}
