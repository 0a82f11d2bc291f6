namespace PrecisionCloud.Mec.Platform.Registry;

/// <summary>A value, or the error that prevented it.</summary>
internal readonly record struct Outcome<T>(T? Value, MecError? Error)
{
    public static implicit operator Outcome<T>(T value) => new(value, null);

    public static implicit operator Outcome<T>(MecError error) => new(default, error);
}
