namespace PrecisionCloud.Security.Authorization;

/// <summary>A subject with its roles resolved against one policy (<see cref="PolicyEngine.Prepare"/>): decide with it on hot paths.</summary>
public sealed class PreparedSubject
{
    internal PreparedSubject(AuthorizationSubject subject, ulong[] roleMask)
    {
        Subject = subject;
        RoleMask = roleMask;
    }

    /// <summary>The subject.</summary>
    public AuthorizationSubject Subject { get; }

    internal ulong[] RoleMask { get; }
}
