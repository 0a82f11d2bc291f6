namespace PrecisionCloud.UserPlane.Classification;

/// <summary>
/// The few vector operations the classifier needs, over one vector width. Implemented by value types so that
/// generic code is compiled once per width with every call inlined (the pattern of the runtime's own
/// vectorized code).
/// </summary>
/// <typeparam name="TVector">The vector type.</typeparam>
/// <typeparam name="T">The element type.</typeparam>
internal interface IVectorLanes<TVector, T>
    where TVector : struct
    where T : unmanaged
{
    static abstract int Count { get; }

    static abstract TVector Load(ref T source, nuint offset);

    static abstract TVector And(TVector left, TVector right);

    /// <summary>One bit per lane, set where the lane is not zero.</summary>
    static abstract ulong NonZeroLanes(TVector value);
}
