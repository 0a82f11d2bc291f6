using PrecisionCloud.Security.Audit;

namespace PrecisionCloud.Security.Tests.Audit;

public sealed class AuditCheckpointTests
{
    private static readonly string Hash = new('a', 64);

    [Fact]
    public void The_text_form_reads_back()
    {
        var checkpoint = new AuditCheckpoint(42, Hash);

        Assert.True(AuditCheckpoint.TryParse(checkpoint.ToString(), out var read));
        Assert.Equal(checkpoint, read);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("42")]
    [InlineData("0:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("-1:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("42:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("42:aaaa")]
    [InlineData(":aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public void Anything_else_is_not_a_checkpoint(string? text)
    {
        Assert.False(AuditCheckpoint.TryParse(text, out _));
    }
}
