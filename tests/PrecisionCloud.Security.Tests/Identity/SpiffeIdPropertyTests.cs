using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PrecisionCloud.Security.Identity;

namespace PrecisionCloud.Security.Tests.Identity;

public sealed class SpiffeIdPropertyTests
{
    [Property(MaxTest = 2_000)]
    public bool Arbitrary_text_is_accepted_only_as_an_id_that_prints_back_the_same(string? text) =>
        !SpiffeId.TryParse(text, out var id, out var error) ? !string.IsNullOrEmpty(error) : id.ToString() == text && SpiffeId.Parse(text!) == id;

    [Property(MaxTest = 1_000)]
    public Property Workload_ids_from_valid_parts_round_trip()
    {
        var segment = Gen.Choose(1, 12).SelectMany(n => Gen.ArrayOf(Gen.Elements("abcXYZ019.-_".ToCharArray()), n)).Select(c => new string(c)).Where(s => s is not ("." or ".."));
        var domain = Gen.Choose(1, 12).SelectMany(n => Gen.ArrayOf(Gen.Elements("abcxyz019.-_".ToCharArray()), n)).Select(c => new string(c));
        var parts = from trustDomain in domain
                    from site in segment
                    from kind in segment
                    from name in segment
                    select (trustDomain, site, kind, name);
        return Prop.ForAll(parts.ToArbitrary(), p =>
        {
            var id = SpiffeId.ForWorkload(p.trustDomain, p.site, p.kind, p.name);
            return (id.TrustDomain, id.Site, id.Kind, id.Name) == p && SpiffeId.Parse(id.ToString()) == id;
        });
    }
}
