using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace PrecisionCloud.UserPlane.Classification;

/// <summary><see cref="IVectorLanes{TVector, T}"/> over <see cref="Vector256{T}"/>.</summary>
/// <typeparam name="T">The element type.</typeparam>
internal readonly struct Lanes256<T> : IVectorLanes<Vector256<T>, T>
    where T : unmanaged
{
    public static int Count => Vector256<T>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Create(T value) => Vector256.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Load(ref T source, nuint offset) => Vector256.LoadUnsafe(ref source, offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> MaskedEquals(Vector256<T> value, Vector256<T> mask, Vector256<T> expected) => Vector256.Equals(value & mask, expected);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> InRange(Vector256<T> value, Vector256<T> low, Vector256<T> span) => Vector256.LessThanOrEqual(value - low, span);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> And(Vector256<T> left, Vector256<T> right) => left & right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong MostSignificantBits(Vector256<T> value) => Vector256.ExtractMostSignificantBits(value);
}
