using PrecisionCloud.Hosting;
using PrecisionCloud.Mec.Platform;
using PrecisionCloud.Samples;

// The all-in-one edge site: one server that runs the whole site, on embedded defaults
// (in-process stores, this node's hardware) with no configuration at all, and the MEC platform (Mp1) wired to its user plane.
return await SiteHost.RunAsync(args, SiteProfile.AllInOne, site => site.AddMecPlatform(), app => app.MapMecPlatform());
