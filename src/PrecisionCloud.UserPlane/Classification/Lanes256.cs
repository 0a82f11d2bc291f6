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
    public static Vector256<T> Load(ref T source, nuint offset) => Vector256.LoadUnsafe(ref source, offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> And(Vector256<T> left, Vector256<T> right) => left & right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong NonZeroLanes(Vector256<T> value) => ~Vector256.ExtractMostSignificantBits(Vector256.Equals(value, Vector256<T>.Zero)) & ((1UL << Vector256<T>.Count) - 1);
}
