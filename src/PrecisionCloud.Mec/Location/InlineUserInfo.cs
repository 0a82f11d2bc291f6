namespace PrecisionCloud.Mec.Location;

/// <summary>The JSON body that carries a <see cref="UserInfo"/> (MEC 013 wraps each body in an object named after its type: <c>{"userInfo": ...}</c>).</summary>
/// <param name="UserInfo">The userInfo.</param>
public sealed record InlineUserInfo(UserInfo? UserInfo);
