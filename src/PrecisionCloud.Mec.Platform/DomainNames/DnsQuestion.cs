namespace PrecisionCloud.Mec.Platform.DomainNames;

/// <summary>The question of a DNS query: its name (lower case, no trailing dot), type and class, and where it ends in the message.</summary>
internal readonly record struct DnsQuestion(string Name, ushort Type, ushort Class, int End);
