namespace PrecisionCloud.Resources;

/// <summary>The rules for names in the unified model: lower-case DNS labels, so every backend can use them.</summary>
internal static class ResourceNames
{
    public const int MaxLength = 40;

    public static void Validate(string field, string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > MaxLength || !char.IsAsciiLetterLower(name[0]) || name[^1] == '-'
            || !name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            throw new ResourceValidationException(field, $"'{name}' is not a name: 1 to {MaxLength} of a-z, 0-9 and '-', starting with a letter, not ending with '-'");
        }
    }
}
