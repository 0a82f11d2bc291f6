using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace PrecisionCloud.UserPlane.Classification;

/// <summary><see cref="IVectorLanes{TVector, T}"/> over <see cref="Vector128{T}"/>.</summary>
/// <typeparam name="T">The element type.</typeparam>
internal readonly struct Lanes128<T> : IVectorLanes<Vector128<T>, T>
    where T : unmanaged
{
    public static int Count => Vector128<T>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Load(ref T source, nuint offset) => Vector128.LoadUnsafe(ref source, offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> And(Vector128<T> left, Vector128<T> right) => left & right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong NonZeroLanes(Vector128<T> value) => ~Vector128.ExtractMostSignificantBits(Vector128.Equals(value, Vector128<T>.Zero)) & ((1UL << Vector128<T>.Count) - 1);
}
