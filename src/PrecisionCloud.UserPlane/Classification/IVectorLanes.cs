namespace PrecisionCloud.UserPlane.Classification;

/// <summary>
/// The few vector operations the classifier needs, over one vector width. Implemented by value types so that
/// generic scan code is compiled once per width with every call inlined (the pattern of the runtime's own
/// vectorized code).
/// </summary>
/// <typeparam name="TVector">The vector type.</typeparam>
/// <typeparam name="T">The element type.</typeparam>
internal interface IVectorLanes<TVector, T>
    where TVector : struct
    where T : unmanaged
{
    static abstract int Count { get; }

    static abstract TVector Create(T value);

    static abstract TVector Load(ref T source, nuint offset);

    /// <summary>All-ones lanes where <c>(value &amp; mask) == expected</c>.</summary>
    static abstract TVector MaskedEquals(TVector value, TVector mask, TVector expected);

    /// <summary>All-ones lanes where <c>low &lt;= value &lt;= low + span</c>, unsigned.</summary>
    static abstract TVector InRange(TVector value, TVector low, TVector span);

    static abstract TVector And(TVector left, TVector right);

    static abstract ulong MostSignificantBits(TVector value);
}
