namespace ContactCenter.Web.Security;

/// <summary>Why a sign-in was refused: logged, never told to the client (which gets one answer for all).</summary>
internal enum SignInFailure
{
    /// <summary>No account has the user name.</summary>
    UnknownUser,

    /// <summary>The password does not match the account's hash.</summary>
    WrongPassword,

    /// <summary>The account has no local password.</summary>
    NoPassword,

    /// <summary>The account is disabled.</summary>
    Disabled,
}
