using Waitlist.Features.OpenGraph;
using Waitlist.Infrastructure.Images;

namespace Waitlist.Tests.Features.OpenGraph;

/// <summary>libvips' allocation counters are process-wide, so this runs alone, after the parallel tests.</summary>
[CollectionDefinition(nameof(NativeMemoryTests), DisableParallelization = true)]
public sealed class NativeMemoryCollection;

[Collection(nameof(NativeMemoryTests))]
public sealed class NativeMemoryTests(ApiFixture fixture) : ApiTests<ApiFixture>(fixture)
{
    [Fact]
    public async Task Rendering_releases_every_image_libvips_allocated()
    {
        await Api.CreateClient().GetAsync("/api/og"); // fontconfig and the default image are loaded
        var renderer = Api.Services.GetRequiredService<PreviewRenderer>();
        renderer.Render("Calentamiento", "");
        var before = LibVips.TrackedMemory();

        for (var i = 0; i < 50; i++)
            renderer.Render($"Imagen número {i} sin fugas de memoria", "¿Se libera todo? ¡Sí!");

        Assert.Equal(before, LibVips.TrackedMemory());
    }
}
