using System.Runtime.CompilerServices;

// The fast path keeps several header and tuple structs on the stack per packet; zeroing them on every call costs
// more than the work. Every local and stackalloc in this assembly is written before it is read.
[module: SkipLocalsInit]
