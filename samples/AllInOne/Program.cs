using PrecisionCloud.Hosting;
using PrecisionCloud.Mec.Platform;
using PrecisionCloud.Samples;

// The all-in-one edge site: one server that runs the whole site, on embedded defaults
// (in-process stores, this node's hardware) with no configuration at all, the MEC platform (Mp1) wired to its user plane,
// and the unified resource model running containers on this node through its OCI runtime (API under /resources/v1).
return await SiteHost.RunAsync(
    args,
    SiteProfile.AllInOne,
    site => site.AddMecPlatform().AddResources(),
    app =>
    {
        app.MapMecPlatform();
        app.MapResources();
    });
