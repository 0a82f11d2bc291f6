using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace PrecisionCloud.UserPlane.Classification;

/// <summary><see cref="IVectorLanes{TVector, T}"/> over <see cref="Vector512{T}"/>.</summary>
/// <typeparam name="T">The element type.</typeparam>
internal readonly struct Lanes512<T> : IVectorLanes<Vector512<T>, T>
    where T : unmanaged
{
    public static int Count => Vector512<T>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Load(ref T source, nuint offset) => Vector512.LoadUnsafe(ref source, offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> And(Vector512<T> left, Vector512<T> right) => left & right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong NonZeroLanes(Vector512<T> value) => ~Vector512.ExtractMostSignificantBits(Vector512.Equals(value, Vector512<T>.Zero)) & ((1UL << Vector512<T>.Count) - 1);
}
