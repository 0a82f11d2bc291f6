using PrecisionCloud.Hosting;
using PrecisionCloud.Samples;

// The all-in-one edge site: one server that runs the whole site, on embedded defaults
// (in-process stores, this node's hardware) with no configuration at all.
return await SiteHost.RunAsync(args, SiteProfile.AllInOne);
