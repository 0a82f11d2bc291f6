using PrecisionCloud.Hosting;
using PrecisionCloud.Samples;

// The smallest site host: an embedded box, published with NativeAOT (no reflection, no assembly scanning).
return await SiteHost.RunAsync(args, SiteProfile.Embedded);
