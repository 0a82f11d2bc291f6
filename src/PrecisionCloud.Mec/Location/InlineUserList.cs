namespace PrecisionCloud.Mec.Location;

/// <summary>The JSON body that carries a <see cref="UserList"/> (MEC 013 wraps each body in an object named after its type: <c>{"userList": ...}</c>).</summary>
/// <param name="UserList">The userList.</param>
public sealed record InlineUserList(UserList? UserList);
